// The CLI as a user runs it: a child process on a fresh database of the driver under test.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPglite } from "@/db/client";
import { createTestDatabase, testDriver } from "@/db/testing";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "subledger-cli-"));
const pg = testDriver === "postgres" ? createTestDatabase() : null;
afterAll(async () => {
  if (pg) await (await pg).close();
});

async function cli(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "data") };
  if (pg) env.DATABASE_URL = (await pg).url;
  else delete env.DATABASE_URL;
  return run("npx", ["tsx", "cli/index.ts", ...args], { env }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );
}

describe("npm run cli", () => {
  it("bootstrap --json prints exactly one JSON object, check passes, a broken balance is named", async () => {
    const r = await cli(["bootstrap", "--team", "Acme", "--currency", "EUR", "--balance", "1500", "--credit-limit", "500", "--email", "Owner@Example.com", "--password", "correct-horse", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["team", "primaryAccount", "apiKey", "admin"]);
    expect(out.team).toMatchObject({ name: "Acme", currency: "EUR" });
    expect(out.apiKey).toMatch(/^sl_live_/);
    expect(out.admin).toEqual({ email: "owner@example.com" });
    expect(r.stdout.trim().split("\n")).toHaveLength(1);

    const ok = await cli(["check"]);
    expect([ok.code, ok.stdout.trim()]).toEqual([0, "ledger invariants hold"]);

    // break one stored balance behind the ledger's back: check must name it and fail
    const h = pg ? await pg : await openPglite(path.join(dir, "data"));
    await h.db.execute(sql`update accounts set balance = balance + 1 where id = ${out.primaryAccount.id}`);
    if (!pg) await h.close();
    const broken = await cli(["check"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr.trim()).toBe(`VIOLATION stored balance equals its entries: account ${out.primaryAccount.id}: stored 1501, entries 1500`);

    const bad = await cli(["bootstrap", "--team", "B", "--currency", "XYZ", "--email", "b@example.com", "--password", "correct-horse"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("currency: must be an ISO 4217 code such as USD");
  }, 120_000);

  // only the embedded database is single-process
  if (testDriver === "pglite") it("refuses, clearly, an embedded database another process holds", async () => {
    const holder = spawn("npx", ["tsx", "-e", `import("@/db/client").then(async (m) => { await m.openPglite(${JSON.stringify(path.join(dir, "held"))}); console.log("holding"); setInterval(() => {}, 1000); })`], {
      env: { ...process.env },
      stdio: ["ignore", "pipe", "inherit"],
      // its own process group: npx and tsx start children that a kill of the first process would leave behind
      detached: true,
    });
    await new Promise<void>((resolve) => holder.stdout!.on("data", (d) => String(d).includes("holding") && resolve()));
    try {
      const r = await run("npx", ["tsx", "cli/index.ts", "check"], { env: { ...process.env, PGLITE_DATA_DIR: path.join(dir, "held") } }).catch((e) => e);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`is in use by process`);
      expect(r.stderr).toContain("Stop it first, or set DATABASE_URL");
    } finally {
      process.kill(-holder.pid!, "SIGKILL");
    }
  }, 120_000);
});
