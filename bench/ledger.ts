// npm run bench:ledger — the domain layer without HTTP, on Postgres: charges/s and latency at 16/64/256
// concurrent callers, for 1,000 own-balance accounts and for the hot row (100 shared subs on one primary),
// posting one transaction per charge and through the group-commit batcher. Prints a markdown table.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { migrate, openPostgres } from "@/db/client";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { createTeam } from "@/lib/teams/create-team";
import { postMovements } from "@/lib/ledger/post-movements";
import { ChargeBatcher } from "@/lib/ledger/charge-batcher";
import { checkInvariants } from "@/lib/ledger/check-invariants";
import { withBenchDatabase } from "./database";
import { pct } from "./percentile";

const seconds = Number(process.env.BENCH_SECONDS ?? 8);

async function run(url: string, name: string) {
  const h = await openPostgres(url, { max: 32 });
  await migrate(h);
  const db = h.db;

  // (a) 1,000 own-balance accounts with plenty of credit; (b) one primary with 100 shared subs
  const own = await createTeam(db, { name: "own", currency: "USD", creditLimit: 10n ** 12n });
  const ownIds: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const { account } = await createSubAccount(db, own.id, { name: `own ${i}`, balanceMode: "own", creditLimit: 1_000_000_000, withKey: false });
    ownIds.push(account.id);
  }
  const hot = await createTeam(db, { name: "hot", currency: "USD", creditLimit: 10n ** 12n });
  const hotIds: string[] = [];
  for (let i = 0; i < 100; i++) hotIds.push((await createSubAccount(db, hot.id, { name: `shared ${i}`, withKey: false })).account.id);

  const batcher = new ChargeBatcher(async () => db);
  const rows: string[] = [];
  for (const [label, teamId, ids] of [
    ["1,000 own-balance accounts", own.id, ownIds],
    ["hot: 100 shared subs on one primary", hot.id, hotIds],
  ] as const) {
    for (const mode of ["one transaction per charge", "group commit (batcher)"] as const) {
      for (const clients of [16, 64, 256]) {
        const lat: number[] = [];
        let refused = 0;
        const until = performance.now() + seconds * 1000;
        const worker = async (w: number) => {
          let i = w;
          while (performance.now() < until) {
            const m = { type: "charge" as const, accountId: ids[i++ % ids.length], amount: 1n };
            const t0 = performance.now();
            const [r] = mode === "group commit (batcher)" ? [await batcher.submit(teamId, m)] : await postMovements(db, teamId, [m]);
            lat.push(performance.now() - t0);
            if (!r.ok) refused++;
          }
        };
        const t0 = performance.now();
        await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
        const s = (performance.now() - t0) / 1000;
        rows.push(`| ${label} | ${mode} | ${clients} | ${Math.round(lat.length / s)} | ${pct(lat, 50).toFixed(1)} | ${pct(lat, 99).toFixed(1)} | ${refused} |`);
        console.error(rows[rows.length - 1]);
      }
    }
  }
  const violations = await checkInvariants(db);
  const syncCommit = ((await db.execute(sql`show synchronous_commit`)) as unknown as Record<string, string>[])[0];
  console.log(`\nbench:ledger — domain layer on Postgres (${name}), ${seconds}s per row, synchronous_commit ${Object.values(syncCommit)[0]}\n`);
  console.log("| workload | posting | clients | charges/s | p50 ms | p99 ms | refusals |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(r);
  console.log(`\ninvariants: ${violations.length ? JSON.stringify(violations) : "clean"}`);
  await h.close();
}

withBenchDatabase(run).catch((e) => {
  console.error(e);
  process.exit(1);
});
