// Load across processes, with crashes: two production server processes (`npm start`) on one Postgres (a private cluster), 256
// clients charging shared and own-balance sub-accounts, transferring and editing limits for a minute, while
// one app process is killed with SIGKILL and restarted, Postgres is stopped hard and started, and its
// connections are terminated. The clients log every acknowledged charge; the database must hold each exactly
// once, no account may ever be seen beyond its limit, and the invariants must hold at the end.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { waitHealthy } from "@/lib/testing/wait-healthy";
import { withDatabaseName } from "@/db/own-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, request } from "undici";
import { sql } from "drizzle-orm";
import { migrate, openPostgres, type DbHandle } from "@/db/client";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { createApiKey } from "@/lib/keys/create-api-key";
import { checkInvariants } from "@/lib/ledger/check-invariants";
import { createTeam } from "@/lib/teams/create-team";
import { startPrivatePostgres } from "./private-postgres";

const SECONDS = Number(process.env.RELIABILITY_SECONDS ?? 60);
const CLIENTS = 256;
const pgPort = 56000 + Math.floor(Math.random() * 1000);
const appPorts = [pgPort + 1000, pgPort + 1001];
const pg = startPrivatePostgres(pgPort);
const dispatcher = new Agent({ connections: 300, headersTimeout: 15_000, bodyTimeout: 15_000 });

let handle: DbHandle;
let key = "";
let shared: string[] = [];
let own: string[] = [];
let primary = "";
const apps: (ChildProcess | null)[] = [null, null];

function startApp(i: number) {
  const p = spawn("node", ["--import", "tsx", "scripts/start.ts", "-p", String(appPorts[i])], {
    env: { ...process.env, DATABASE_URL: handleUrl(), NODE_ENV: "production", PORT: String(appPorts[i]) },
    stdio: ["ignore", "ignore", fs.openSync(path.join(os.tmpdir(), `subledger-app-${i}.log`), "a")],
    detached: true,
  });
  apps[i] = p;
}
function killApp(i: number) {
  const p = apps[i];
  if (p?.pid) process.kill(-p.pid, "SIGKILL");
  apps[i] = null;
}
// the private cluster is thrown away after the run: one database of a fixed name on it
const handleUrl = () => withDatabaseName(pg.url, "subledger");
const healthy = (port: number, timeoutMs?: number) => waitHealthy(`http://127.0.0.1:${port}`, timeoutMs);

beforeAll(async () => {
  const admin = await openPostgres(pg.url, { max: 1 });
  await admin.db.execute(sql`create database subledger`);
  await admin.close();
  handle = await openPostgres(handleUrl(), { max: 4 });
  await migrate(handle);
  const { db } = handle;
  const team = await createTeam(db, { name: "Load", currency: "USD", balance: 2_000_000n, creditLimit: 500_000n });
  primary = team.primaryAccountId;
  key = (await createApiKey(db, team.id, primary, {})).key;
  for (let i = 0; i < 20; i++) shared.push((await createSubAccount(db, team.id, { name: `shared ${i}`, creditLimit: 20_000, withKey: false })).account.id);
  for (let i = 0; i < 20; i++) own.push((await createSubAccount(db, team.id, { name: `own ${i}`, balanceMode: "own", creditLimit: 10_000, withKey: false })).account.id);
  for (const i of [0, 1]) fs.rmSync(path.join(os.tmpdir(), `subledger-app-${i}.log`), { force: true });
  startApp(0);
  startApp(1);
  expect(await healthy(appPorts[0])).toBe(true);
  expect(await healthy(appPorts[1])).toBe(true);
}, 180_000);

afterAll(async () => {
  killApp(0);
  killApp(1);
  await handle?.close().catch(() => {});
  pg.destroy();
});

type Ack = { key: string; id: string; amount: number; account: string };

describe("two app processes under load, with crashes", () => {
  it("keeps every acknowledged charge exactly once, never overdraws, and recovers by itself", async () => {
    const acked: Ack[] = [];
    const log: string[] = [];
    const stats = { refused: 0, transfers: 0, limitEdits: 0, retries: 0, problem503: 0, other503: 0, unexpected: [] as string[] };
    let overdraftsSeen = 0;
    let healthDuringOutage = -1;
    let monitorReads = 0;
    const t0 = Date.now();
    const end = t0 + SECONDS * 1000;
    const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
    const unexpected = (what: string, r: { status: number; body: unknown }) => stats.unexpected.push(`${elapsed()} ${what} ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    let rnd = 12345;
    // high bits: the low bits of this generator repeat with a short period
    const rand = (n: number) => ((rnd = (rnd * 1103515245 + 12345) & 0x7fffffff), (rnd >>> 12) % n);

    const call = async (method: string, path: string, body: unknown, prefer: number) => {
      const port = apps[prefer] ? appPorts[prefer] : appPorts[1 - prefer];
      const r = await request(`http://127.0.0.1:${port}${path}`, {
        method: method as "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
        dispatcher,
      });
      const text = await r.body.text();
      return { status: r.statusCode, type: String(r.headers["content-type"] ?? ""), body: text ? JSON.parse(text) : null };
    };

    const client = async (c: number) => {
      let n = 0;
      while (Date.now() < end) {
        const op = rand(10);
        const prefer = c % 2;
        if (op < 8) {
          const account = rand(2) ? shared[rand(shared.length)] : own[rand(own.length)];
          const amount = rand(50) + 1;
          const idem = `c${c}-${n++}`;
          for (let attempt = 0; attempt < 60; attempt++) {
            try {
              const r = await call("POST", "/api/v1/charges", { amount, subAccountId: account, idempotencyKey: idem }, (prefer + attempt) % 2);
              if (r.status === 201) {
                acked.push({ key: idem, id: r.body.charge.id, amount, account });
                break;
              }
              if (r.status === 402 || r.status === 403) {
                stats.refused++;
                break;
              }
              if (r.status === 503) {
                if (r.type === "application/problem+json" && r.body?.status === 503) stats.problem503++;
                else stats.other503++;
              } else unexpected("charge", r);
            } catch {
              // connection refused or reset: the process is down; retry with the same key
            }
            stats.retries++;
            await sleep(250);
          }
        } else if (op < 9) {
          const sub = own[rand(own.length)];
          const out = rand(2) === 0;
          try {
            const r = await call("POST", "/api/v1/transfers", { type: rand(2) ? "credit" : "balance", from: out ? primary : sub, to: out ? sub : primary, amount: rand(500) + 1 }, prefer);
            if (r.status === 201) stats.transfers++;
            else if (![402, 503].includes(r.status)) unexpected("transfer", r);
          } catch {}
        } else {
          const sub = shared[rand(shared.length)];
          try {
            const r = await call("PATCH", `/api/v1/sub-accounts/${sub}`, { creditLimit: 15_000 + rand(10_000) }, prefer);
            if (r.status === 200) stats.limitEdits++;
            else if (![422, 503].includes(r.status)) unexpected("patch", r);
          } catch {}
        }
      }
    };

    const monitor = (async () => {
      while (Date.now() < end + 2000) {
        try {
          const rows = (await handle.db.execute(sql`select count(*)::int as n from accounts
            where (kind <> 'system' and balance_mode = 'own' and balance < -coalesce(credit_limit, 0))
               or (kind = 'sub' and balance_mode = 'shared' and credit_limit is not null and total_spent > credit_limit)`)) as unknown as { n: number }[];
          overdraftsSeen += rows[0].n;
          monitorReads++;
        } catch {}
        await sleep(100);
      }
    })();

    const at = (s: number) => sleep(Math.max(0, t0 + s * 1000 - Date.now()));
    const chaos = (async () => {
      await at(SECONDS * 0.25);
      killApp(0);
      log.push(`${elapsed()} kill -9 app 1`);
      startApp(0);
      const back = await healthy(appPorts[0]);
      log.push(`${elapsed()} app 1 restarted, healthy: ${back}`);
      await at(SECONDS * 0.5);
      pg.stopImmediate();
      log.push(`${elapsed()} Postgres stopped (immediate)`);
      await sleep(3000);
      const health = await request(`http://127.0.0.1:${appPorts[1]}/api/health`, { dispatcher: new Agent({ headersTimeout: 20_000 }) }).then(
        async (r) => ({ status: r.statusCode, type: r.headers["content-type"], body: await r.body.text() }),
        (e) => ({ status: 0, type: "", body: String(e) }),
      );
      log.push(`health while Postgres is down: ${health.status} ${health.type} ${health.status === 503 ? "" : health.body.slice(0, 200)}`);
      healthDuringOutage = health.status;
      pg.start();
      log.push(`${elapsed()} Postgres started`);
      await at(SECONDS * 0.75);
      const killed = (await handle.db.execute(
        sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = 'subledger' and pid <> pg_backend_pid()`,
      )) as unknown as { n: number }[];
      log.push(`${elapsed()} pg_terminate_backend: ${killed[0].n} connections`);
    })();

    await Promise.all([...Array.from({ length: CLIENTS }, (_, c) => client(c)), chaos, monitor]);

    // every acknowledged charge is in the ledger exactly once, with its amount and account
    // a fresh pool for the verdict: the monitor's connections were among those terminated
    const verdict = await openPostgres(handleUrl(), { max: 2 });
    const all = (await verdict.db.execute(
      sql`select id::text as id, idempotency_key as key, amount::int as amount, account_id as account from ledger_transactions where kind = 'charge' and idempotency_key is not null`,
    )) as unknown as { id: string; key: string; amount: number; account: string }[];
    const byKey = new Map(all.map((r) => [r.key, r]));
    const rows = acked.filter((a) => byKey.has(a.key));
    const missing = acked.filter((a) => {
      const r = byKey.get(a.key);
      return !r || r.id !== a.id || r.amount !== a.amount || r.account !== a.account;
    });
    console.log(
      [
        ...log,
        `acknowledged charges ${acked.length}, refused ${stats.refused}, transfers ${stats.transfers}, limit edits ${stats.limitEdits}, retries ${stats.retries}`,
        `503 answers: ${stats.problem503} problem+json, ${stats.other503} other; monitor reads ${monitorReads}, overdrafts seen ${overdraftsSeen}`,
      ].join("\n"),
    );
    expect(healthDuringOutage).toBe(503);
    if (stats.unexpected.length) console.log("UNEXPECTED\n" + stats.unexpected.slice(0, 20).join("\n"));
    expect(stats.unexpected.slice(0, 20)).toEqual([]);
    expect(missing).toEqual([]);
    expect(rows.length).toBe(acked.length);
    expect(overdraftsSeen).toBe(0);
    expect(monitorReads).toBeGreaterThan(SECONDS);
    expect(stats.other503).toBe(0);
    expect(await checkInvariants(verdict.db)).toEqual([]);
    await verdict.close();
    // it recovered by itself: both processes answer and a charge goes through after all of it
    for (const i of [0, 1]) {
      const back = await healthy(appPorts[i], 30_000);
      if (!back) console.log(`app ${i + 1} not healthy; the end of its log:\n` + fs.readFileSync(path.join(os.tmpdir(), `subledger-app-${i}.log`), "utf8").slice(-3000));
      expect(back).toBe(true);
    }
    const after = await call("POST", "/api/v1/charges", { amount: 1, subAccountId: shared[0] }, 0);
    expect([201, 402]).toContain(after.status);
    expect(acked.length).toBeGreaterThan(100);
    // no secret in logs: the API key the clients sent never appears in what the app processes wrote
    for (const i of [0, 1]) expect(fs.readFileSync(path.join(os.tmpdir(), `subledger-app-${i}.log`), "utf8")).not.toContain(key);
    expect(stats.limitEdits).toBeGreaterThan(0);
    expect(stats.transfers).toBeGreaterThan(0);
  }, (SECONDS + 240) * 1000);
});
