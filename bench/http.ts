// npm run bench — POST /api/v1/charges over HTTP against the production server (`npm start`) on Postgres.
// Closed loop (wrk, 16/64/256 connections) and open loop (a fixed 2,000 charges/s for 30 s, latency measured
// from each request's scheduled time), for the hot row (100 shared subs on one primary) and for 1,000
// own-balance accounts; then a raw-SQL baseline of the same admission check and ledger insert with pgbench,
// the ratio, and an overdraft and invariant check. synchronous_commit stays on.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { migrate, openPostgres } from "@/db/client";
import { withBenchDatabase } from "./database";
import { pct } from "./percentile";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { createApiKey } from "@/lib/keys/create-api-key";
import { checkInvariants } from "@/lib/ledger/check-invariants";
import { createTeam } from "@/lib/teams/create-team";
import { waitHealthy } from "@/lib/testing/wait-healthy";

const closedSeconds = Number(process.env.BENCH_SECONDS ?? 10);
const openSeconds = Number(process.env.BENCH_OPEN_SECONDS ?? 30);
const openRate = Number(process.env.BENCH_OPEN_RATE ?? 2000);
const openWarmUp = Number(process.env.BENCH_OPEN_WARMUP_SECONDS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3999);
// e.g. BENCH_MODELS=open to measure only the open loop while working on it; the full run is the default
const models = new Set((process.env.BENCH_MODELS ?? "closed,open").split(","));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subledger-bench-"));

function ensureTool(bin: string, pkg: string) {
  if (spawnSync("which", [bin]).status === 0) return;
  console.error(`installing ${pkg} (apt-get)…`);
  execFileSync("sh", ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg} >/dev/null`], { stdio: "inherit" });
}

// a server left over from an earlier run would answer for the wrong database
async function assertPortFree(origin: string) {
  const answered = await fetch(`${origin}/api/health`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`something already listens on ${origin}; stop it or set BENCH_PORT`);
}

function wrk(origin: string, key: string, ids: string[], connections: number) {
  const script = path.join(tmp, `charges-${connections}.lua`);
  fs.writeFileSync(
    script,
    `local ids = {${ids.map((i) => `"${i}"`).join(",")}}
local n = 0
request = function()
  n = n + 1
  local body = '{"amount":1,"subAccountId":"' .. ids[(n % #ids) + 1] .. '"}'
  return wrk.format("POST", "/api/v1/charges", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer ${key}"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %f %f %f\\n", summary.requests, summary.errors.status, summary.errors.timeout + summary.errors.connect + summary.errors.read + summary.errors.write, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000))
end
`,
  );
  const threads = Math.min(2, connections);
  const out = execFileSync("wrk", ["-t", String(threads), "-c", String(connections), "-d", `${closedSeconds}s`, "--timeout", "10s", "-s", script, origin], { encoding: "utf8" });
  const m = /RESULT (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(out)!;
  return { rate: Number(m[1]) / closedSeconds, refusals: Number(m[2]), dropped: Number(m[3]), p50: Number(m[4]), p99: Number(m[5]), p999: Number(m[6]) };
}

// Open loop: requests leave on a fixed schedule whatever the answers do; lateness counts against latency.
// The client is plain keep-alive sockets with preformatted requests (as wrk is), so that on 2 cores it takes
// little of the CPU it measures; a request finding every socket busy waits in the client, and that wait counts.
// The first openWarmUp seconds run at the same rate on the same sockets but are not counted (sockets opening,
// the JIT compiling this client).
async function openLoop(origin: string, key: string, ids: string[]) {
  const { hostname, port } = new URL(origin);
  const maxSockets = 512;
  const total = openRate * (openWarmUp + openSeconds);
  const counted = openRate * openWarmUp;
  const lat: number[] = [];
  let refusals = 0;
  let dropped = 0;
  type Conn = { sock: net.Socket; buf: Buffer; due: number | null; n: number };
  const idle: Conn[] = [];
  const waiting: number[] = [];
  let opened = 0;
  let done = 0;
  let finish = () => {};
  const finished = new Promise<void>((r) => (finish = r));
  const settle = () => ++done === total && finish();
  const requestBytes = (i: number) => {
    const body = JSON.stringify({ amount: 1, subAccountId: ids[i % ids.length] });
    return `POST /api/v1/charges HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };
  let sent = 0;
  const send = (c: Conn, due: number) => {
    c.due = due;
    c.n = sent;
    c.sock.write(requestBytes(sent++));
  };
  const release = (c: Conn) => {
    const next = waiting.shift();
    if (next !== undefined) send(c, next);
    else idle.push(c);
  };
  const connect = (): Conn => {
    const c: Conn = { sock: net.connect(Number(port), hostname), buf: Buffer.alloc(0), due: null, n: 0 };
    opened++;
    c.sock.setNoDelay(true);
    c.sock.on("data", (d: Buffer) => {
      c.buf = c.buf.length ? Buffer.concat([c.buf, d]) : d;
      for (;;) {
        const end = c.buf.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = c.buf.subarray(0, end).toString("latin1");
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (c.buf.length < end + 4 + length) return;
        c.buf = c.buf.subarray(end + 4 + length);
        // requests leave in order, so request n is the nth due
        if (c.n >= counted) {
          lat.push(performance.now() - c.due!);
          if (head.slice(9, 12) !== "201") refusals++;
        }
        c.due = null;
        settle();
        release(c);
      }
    });
    c.sock.on("error", () => {});
    c.sock.on("close", () => {
      opened--;
      if (c.due !== null) {
        dropped++;
        settle();
      }
      const i = idle.indexOf(c);
      if (i >= 0) idle.splice(i, 1);
    });
    return c;
  };
  // this client's own stalls (its GC, timers firing late) would count as the server's latency: measured, and shown
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  const t0 = performance.now();
  let next = 0;
  const tick = () => {
    const now = performance.now();
    for (; next < total && t0 + (next * 1000) / openRate <= now; next++) {
      const due = t0 + (next * 1000) / openRate;
      const c = idle.pop() ?? (opened < maxSockets ? connect() : undefined);
      if (c) send(c, due);
      else waiting.push(due);
    }
    if (next < total) setTimeout(tick, 1);
  };
  tick();
  // an answer later than 10 s after the last request was due counts as dropped
  const gaveUp = await Promise.race([finished.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), (openWarmUp + openSeconds) * 1000 + 10_000))]);
  const seconds = (performance.now() - t0) / 1000 - openWarmUp;
  if (gaveUp) dropped += total - done;
  for (const c of idle) c.sock.destroy();
  lag.disable();
  const clientLag = { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 };
  return { rate: lat.length / seconds, refusals, dropped, p50: pct(lat, 50), p99: pct(lat, 99), p999: pct(lat, 99.9), clientLag };
}

function pgbench(url: string, hot: boolean, clients: number) {
  const script = path.join(tmp, `baseline-${hot ? "hot" : "own"}.sql`);
  // the same work as one charge: lock, admission check, balance and spend update, transaction and two entries
  fs.writeFileSync(
    script,
    hot
      ? `\\set sub random(2, 101)
BEGIN;
UPDATE bench_accounts SET total_spent = total_spent + 1 WHERE id = :sub AND (credit_limit IS NULL OR total_spent + 1 <= credit_limit);
UPDATE bench_accounts SET balance = balance - 1 WHERE id = 1 AND balance - 1 >= -credit_limit;
INSERT INTO bench_tx (account_id, amount) VALUES (:sub, 1);
INSERT INTO bench_entries (tx_id, account_id, amount) VALUES (currval('bench_tx_id_seq'), 1, -1), (currval('bench_tx_id_seq'), 0, 1);
COMMIT;
`
      : `\\set acc random(1002, 2001)
BEGIN;
UPDATE bench_accounts SET balance = balance - 1, total_spent = total_spent + 1 WHERE id = :acc AND balance - 1 >= -credit_limit;
INSERT INTO bench_tx (account_id, amount) VALUES (:acc, 1);
INSERT INTO bench_entries (tx_id, account_id, amount) VALUES (currval('bench_tx_id_seq'), :acc, -1), (currval('bench_tx_id_seq'), 0, 1);
COMMIT;
`,
  );
  const out = execFileSync("pgbench", ["-n", "-c", String(clients), "-j", "2", "-T", String(closedSeconds), "-f", script, url], { encoding: "utf8" });
  return Number(/tps = ([\d.]+)/.exec(out)![1]);
}

async function run(url: string, dbName: string) {
  ensureTool("wrk", "wrk");
  // a build older than the code would measure old code on the Next.js side of the server
  if (process.env.BENCH_SKIP_BUILD !== "1") execFileSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  const h = await openPostgres(url, { max: 8 });
  await migrate(h);
  const db = h.db;
  const hot = await createTeam(db, { name: "hot", currency: "USD", creditLimit: 10n ** 13n });
  const hotKey = (await createApiKey(db, hot.id, hot.primaryAccountId, {})).key;
  const hotIds: string[] = [];
  for (let i = 0; i < 100; i++) hotIds.push((await createSubAccount(db, hot.id, { name: `shared ${i}`, withKey: false })).account.id);
  const own = await createTeam(db, { name: "own", currency: "USD", creditLimit: 10n ** 13n });
  const ownKey = (await createApiKey(db, own.id, own.primaryAccountId, {})).key;
  const ownIds: string[] = [];
  for (let i = 0; i < 1000; i++)
    ownIds.push((await createSubAccount(db, own.id, { name: `own ${i}`, balanceMode: "own", creditLimit: 1_000_000_000, withKey: false })).account.id);
  await db.execute(sql`create table bench_accounts (id int primary key, balance bigint not null, credit_limit bigint, total_spent bigint not null default 0)`);
  await db.execute(sql`create table bench_tx (id bigserial primary key, account_id int not null, amount bigint not null, created_at timestamptz not null default now())`);
  await db.execute(sql`create table bench_entries (id bigserial primary key, tx_id bigint not null, account_id int not null, amount bigint not null)`);
  await db.execute(sql`insert into bench_accounts values (0, 0, null, 0), (1, 0, 10000000000000, 0)`);
  await db.execute(sql`insert into bench_accounts select g, 0, case when g <= 101 then null else 1000000000 end, 0 from generate_series(2, 2001) g`);

  const origin = `http://127.0.0.1:${port}`;
  await assertPortFree(origin);
  // `npm start` in its own process group, so stopping it stops every process it runs
  const server = spawn("node", ["--import", "tsx", "scripts/start.ts", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stopServer = () => {
    try {
      process.kill(-server.pid!, "SIGKILL");
    } catch {}
  };
  process.once("exit", stopServer);
  const rows: string[] = [];
  const notes: string[] = [];
  try {
    if (!(await waitHealthy(origin))) throw new Error("the server did not become healthy");
    for (const [label, key, ids] of [
      ["hot: 100 shared subs on one primary", hotKey, hotIds],
      ["1,000 own-balance accounts", ownKey, ownIds],
    ] as const) {
      wrk(origin, key, ids, 16); // warm-up: compile and fill the connection pool
      for (const c of models.has("closed") ? [16, 64, 256] : []) {
        const r = wrk(origin, key, ids, c);
        rows.push(`| ${label} | closed loop | ${c} clients | ${Math.round(r.rate)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.p999.toFixed(1)} | ${r.refusals} | ${r.dropped} |`);
        console.error(rows.at(-1));
      }
      if (!models.has("open")) continue;
      const o = await openLoop(origin, key, ids);
      rows.push(`| ${label} | open loop | ${openRate}/s for ${openSeconds}s after ${openWarmUp}s | ${Math.round(o.rate)} | ${o.p50.toFixed(1)} | ${o.p99.toFixed(1)} | ${o.p999.toFixed(1)} | ${o.refusals} | ${o.dropped} |`);
      console.error(rows.at(-1));
      notes.push(`${label}: the open-loop client's own event-loop delay p99 ${o.clientLag.p99.toFixed(1)} ms, max ${o.clientLag.max.toFixed(1)} ms`);
    }
  } finally {
    stopServer();
  }
  // the baseline is there for the closed loop's ratio
  const baseline = models.has("closed")
    ? {
        // Postgres allows 100 connections by default: pgbench (one connection per client) stops at 64
        hot: [16, 64].map((c) => pgbench(url, true, c)),
        own: [16, 64].map((c) => pgbench(url, false, c)),
      }
    : null;
  const over = (await db.execute(sql`select count(*)::int as n from accounts where kind <> 'system' and balance_mode = 'own' and balance < -coalesce(credit_limit, 0)`)) as unknown as { n: number }[];
  const violations = await checkInvariants(db);
  const sync = (await db.execute(sql`show synchronous_commit`)) as unknown as Record<string, string>[];

  console.log(`\nbench over HTTP: POST /api/v1/charges on one \`npm start\` process, Postgres ${dbName}, synchronous_commit ${Object.values(sync[0])[0]}`);
  console.log("closed loop driven by wrk; open loop by this process over plain keep-alive sockets, latency from each request's scheduled time\n");
  console.log("| workload | load model | clients / rate | charges/s | p50 ms | p99 ms | p999 ms | refusals | dropped |");
  console.log("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(r);
  if (notes.length) console.log("\n" + notes.join("\n"));
  if (baseline) printBaseline(baseline, rows);
  console.log(`\noverdrafts: ${over[0].n}; invariants: ${violations.length ? JSON.stringify(violations) : "clean"}`);
  await h.close();
}

function printBaseline(baseline: { hot: number[]; own: number[] }, rows: string[]) {
  console.log(`\nbaseline (pgbench, one plain SQL transaction per charge: admission check, balance update, ledger insert):`);
  console.log(`  hot: 16/64 clients ${baseline.hot.map(Math.round).join(" / ")} tps`);
  console.log(`  own: 16/64 clients ${baseline.own.map(Math.round).join(" / ")} tps`);
  const best = (xs: number[]) => Math.max(...xs);
  const ours = (label: string) => Number(rows.find((r) => r.includes(label) && r.includes("256 clients"))!.split("|")[4]);
  console.log(`ratio ours/baseline, hot, 256 clients vs the baseline's best: ${(ours("hot") / best(baseline.hot)).toFixed(2)}×`);
  console.log(`ratio ours/baseline, own, 256 clients vs the baseline's best: ${(ours("own-balance") / best(baseline.own)).toFixed(2)}×`);
}

withBenchDatabase(run).catch((e) => {
  console.error(e);
  process.exit(1);
});
