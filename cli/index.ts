// The command line: bootstrap, demo, check, migrate, purge. Works on the embedded database while no server
// holds it, and on Postgres (DATABASE_URL) any time.
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { DatabaseInUseError, openConfigured, type DbHandle } from "@/db/client";
import { teams } from "@/db/schema";
import { purgeDeletedAccounts } from "@/lib/accounts/delete-sub-account";
import { purgeIdempotencyRecords } from "@/lib/api/purge-idempotency-records";
import { seedDemo } from "@/lib/demo/seed-demo";
import { checkInvariants } from "@/lib/ledger/check-invariants";
import { bootstrapTeam } from "@/lib/teams/bootstrap-team";
import { DomainError } from "@/lib/errors";

const usage = `Usage: npm run cli -- <command>

  bootstrap --team NAME --currency CODE [--balance CENTS] [--credit-limit CENTS] --email E --password P [--json]
  demo            seed the demo team (skipped if any team exists)
  check           verify the ledger's invariants; exits 1 naming every violation
  migrate         apply database migrations
  purge           purge sub-accounts whose deletion grace period has ended, and idempotency records older
                  than a day (run it daily, e.g. from cron)`;

function cents(v: string | undefined, name: string) {
  if (v === undefined) return undefined;
  if (!/^\d{1,16}$/.test(v) || BigInt(v) > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`--${name} must be a whole number of cents`);
  return BigInt(v);
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return command ? 0 : 1;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      team: { type: "string" },
      currency: { type: "string" },
      balance: { type: "string" },
      "credit-limit": { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  let handle: DbHandle;
  try {
    handle = await openConfigured();
  } catch (e) {
    if (e instanceof DatabaseInUseError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  try {
    const { db } = handle;
    switch (command) {
      case "migrate":
        console.log("migrations applied");
        return 0;
      case "check": {
        const violations = await checkInvariants(db);
        if (!violations.length) {
          console.log("ledger invariants hold");
          return 0;
        }
        for (const v of violations) console.error(`VIOLATION ${v.rule}: ${v.id}: ${v.detail}`);
        return 1;
      }
      case "bootstrap": {
        for (const f of ["team", "currency", "email", "password"] as const)
          if (!values[f]) throw new Error(`--${f} is required\n\n${usage}`);
        const r = await bootstrapTeam(db, {
          team: values.team!,
          currency: values.currency!.toUpperCase(),
          balance: cents(values.balance, "balance"),
          creditLimit: cents(values["credit-limit"], "credit-limit"),
          email: values.email!,
          password: values.password!,
        });
        const out = {
          team: { id: r.team.id, name: r.team.name, currency: r.team.currency },
          primaryAccount: { id: r.team.primaryAccountId },
          apiKey: r.apiKey,
          admin: { email: r.user.email },
        };
        if (values.json) console.log(JSON.stringify(out));
        else
          console.log(
            `Team ${out.team.name} (${out.team.id}, ${out.team.currency})\nPrimary account ${out.primaryAccount.id}\nAPI key (shown once): ${out.apiKey}\nOwner: ${out.admin.email}`,
          );
        return 0;
      }
      case "demo": {
        const [{ n }] = await db.select({ n: count() }).from(teams);
        if (n > 0) {
          console.log("a team exists already; demo not seeded");
          return 0;
        }
        const r = await seedDemo(db);
        console.log(`Demo team seeded. Sign in as ${r.email} / ${r.password}\nPrimary API key (shown once): ${r.apiKey}`);
        return 0;
      }
      case "purge": {
        const ids = await purgeDeletedAccounts(db);
        console.log(`purged ${ids.length} sub-account(s)${ids.length ? ": " + ids.join(", ") : ""}`);
        console.log(`purged ${await purgeIdempotencyRecords(db)} idempotency record(s) older than a day`);
        return 0;
      }
      default:
        console.error(`unknown command ${command}\n\n${usage}`);
        return 1;
    }
  } catch (e) {
    if (e instanceof DomainError || (e instanceof Error && e.message.startsWith("--"))) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
