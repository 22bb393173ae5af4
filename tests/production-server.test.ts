// The production server (`npm start`, scripts/start.ts): POST /api/v1/charges is answered by its plain Node listener,
// everything else by Next.js, and both must behave as one API. On the embedded database always; on Postgres too
// when TEST_DATABASE_URL is set. Needs `next build`.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnDatabase } from "@/db/own-database";
import { waitHealthy } from "@/lib/testing/wait-healthy";

const basePort = Number(process.env.PROD_TEST_PORT ?? 3460);
const databases = [{ name: "embedded", port: basePort }, ...(process.env.TEST_DATABASE_URL ? [{ name: "postgres", port: basePort + 1 }] : [])];

describe.each(databases)("npm start on the $name database", ({ name, port }) => {
  const origin = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "subledger-prod-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), DATABASE_URL: "", NODE_ENV: "production" };
  let dropDatabase = async () => {};
  // one connection: the answers after a refused body must come over the same keep-alive socket
  const dispatcher = new Agent({ connections: 1, pipelining: 1 });
  let server: ChildProcess;
  // on Postgres: the Next.js socket a server killed with SIGKILL would have left (the pid of a process that ended)
  let staleSocket = "";
  let key = "";
  let primaryId = "";

  async function call(method: string, url: string, opts: { body?: string | Buffer; headers?: Record<string, string>; key?: string } = {}) {
    const r = await request(`${origin}${url}`, {
      method: method as "GET",
      body: opts.body,
      headers: { authorization: `Bearer ${opts.key ?? key}`, "content-type": "application/json", ...opts.headers },
      dispatcher,
    });
    const text = await r.body.text();
    return { status: r.statusCode, headers: r.headers, text, body: text ? JSON.parse(text) : null };
  }

  // the status of one request written byte for byte, for what an HTTP client would refuse to send
  function rawStatus(bytes: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const sock = net.connect(port, "127.0.0.1", () => sock.write(bytes));
      let got = "";
      sock.on("data", (d) => (got += d.toString("latin1")));
      sock.on("end", () => resolve(Number(got.slice(9, 12))));
      sock.on("error", reject);
    });
  }

  beforeAll(async () => {
    if (name === "postgres") {
      const own = await createOwnDatabase(process.env.TEST_DATABASE_URL!, "subledger_prod");
      env.DATABASE_URL = own.url;
      dropDatabase = own.drop;
      execFileSync("npx", ["tsx", "cli/index.ts", "migrate"], { env, stdio: "ignore" });
      staleSocket = path.join(os.tmpdir(), `subledger-next-${spawnSync("true").pid}.sock`);
      fs.writeFileSync(staleSocket, "");
    }
    const out = execFileSync(
      "npx",
      ["tsx", "cli/index.ts", "bootstrap", "--team", "Prod", "--currency", "USD", "--credit-limit", "1000", "--email", "o@prod.test", "--password", "prod-password-1", "--json"],
      { env, encoding: "utf8" },
    );
    const boot = JSON.parse(out);
    key = boot.apiKey;
    primaryId = boot.primaryAccount.id;
    server = spawn("node", ["--import", "tsx", "scripts/start.ts", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
    if (!(await waitHealthy(origin))) throw new Error("npm start did not become healthy");
  }, 120_000);

  afterAll(async () => {
    if (server?.pid) process.kill(-server.pid, "SIGKILL");
    await dispatcher.close();
    await dropDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });

    it("answers charges directly with the API's shapes and the security headers, and everything else through Next.js", async () => {
      const made = await call("POST", "/api/v1/charges", { body: JSON.stringify({ amount: 250, description: "SMS" }) });
      expect(made.status).toBe(201);
      expect(made.headers["content-type"]).toBe("application/json");
      expect(made.body.charge).toMatchObject({ accountId: primaryId, amount: 250, description: "SMS", metadata: {}, idempotencyKey: null });
      for (const res of [made, await call("GET", "/api/v1/balance")]) {
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect(res.headers["x-frame-options"]).toBe("DENY");
        expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      }
      // a query string does not take the charge off the direct path, and Next.js lists what it recorded
      expect((await call("POST", "/api/v1/charges?source=test", { body: JSON.stringify({ amount: 50 }) })).status).toBe(201);
      const list = await call("GET", "/api/v1/charges");
      expect(list.body.items.map((c: { amount: number }) => c.amount)).toEqual([50, 250]);
      expect((await call("GET", "/api/v1/balance")).body).toMatchObject({ balance: -300, creditLimit: 1000, totalSpent: 300, available: 700 });
    });

    it("serves pages and Next.js routes whole: status, headers, request and answer bodies", async () => {
    const page = await request(`${origin}/signin`, { dispatcher });
    const html = await page.body.text();
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(html).toContain("</html>");
    const made = await call("POST", "/api/v1/sub-accounts", { body: JSON.stringify({ name: "Through Next" }) });
    expect(made.status).toBe(201);
    const read = await call("GET", `/api/v1/sub-accounts/${made.body.subAccount.id}`);
    expect([read.status, read.body.subAccount.name]).toEqual([200, "Through Next"]);
    const big = await call("POST", "/api/v1/sub-accounts", { body: Buffer.alloc(200 * 1024, "a") });
    expect([big.status, big.headers["content-type"], big.body.code]).toEqual([413, "application/problem+json", "payload_too_large"]);
    const missing = await call("GET", "/api/v1/no-such-route");
    expect(missing.status).toBe(404);
    // a method a route does not serve: the API's 405 through Next.js too, beside the direct charges route
    for (const [method, path, allow] of [["PUT", "/api/v1/balance", "GET"], ["DELETE", "/api/v1/charges", "GET, POST"]]) {
      const wrong = await call(method, path, { body: "{}" });
      expect([wrong.status, wrong.headers["content-type"], wrong.headers.allow, wrong.body.code]).toEqual([405, "application/problem+json", allow, "method_not_allowed"]);
    }
  });

  // Only Postgres runs Next.js in a worker thread behind a socket.
  if (name === "postgres")
    it("removes the Next.js socket a killed server left behind, and keeps its own", async () => {
      expect(fs.existsSync(staleSocket)).toBe(false);
      expect(fs.existsSync(path.join(os.tmpdir(), `subledger-next-${server.pid}.sock`))).toBe(true);
    });

  it("refuses what the API refuses, as problem+json, and keeps the connection usable", async () => {
      const big = await call("POST", "/api/v1/charges", { body: Buffer.alloc(200 * 1024, "a") });
      expect(big.status).toBe(413);
      expect(big.headers["content-type"]).toBe("application/problem+json");
      expect(big.body).toMatchObject({ status: 413, code: "payload_too_large" });
      const broken = await call("POST", "/api/v1/charges", { body: '{"amount":' });
      expect([broken.status, broken.body.code]).toEqual([400, "malformed_json"]);
      const bad = await call("POST", "/api/v1/charges", { body: JSON.stringify({ amount: 1.5 }) });
      expect([bad.status, bad.body.code]).toEqual([422, "validation_failed"]);
      const anonymous = await call("POST", "/api/v1/charges", { body: "{}", key: "sl_live_nothing" });
      expect([anonymous.status, anonymous.body.code]).toEqual([401, "unauthorized"]);
      const over = await call("POST", "/api/v1/charges", { body: JSON.stringify({ amount: 701 }) });
      expect(over.body).toMatchObject({ status: 402, code: "credit_limit_exceeded", available: 700 });
      // a Host header no URL can hold does not reach the handler's URL: the charge is still judged on its body
      const odd = await rawStatus(`POST /api/v1/charges HTTP/1.1\r\nHost: a b{}\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 13\r\nConnection: close\r\n\r\n{"amount":-1}`);
      expect(odd).toBe(422);
      // none of it was written
      expect((await call("GET", "/api/v1/balance")).body).toMatchObject({ balance: -300, available: 700 });
    });

    it("replays an Idempotency-Key's first answer", async () => {
      const headers = { "idempotency-key": "prod-1" };
      const first = await call("POST", "/api/v1/charges", { body: JSON.stringify({ amount: 10 }), headers });
      const again = await call("POST", "/api/v1/charges", { body: JSON.stringify({ amount: 10 }), headers });
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      expect(again.body.charge.id).toBe(first.body.charge.id);
      expect((await call("GET", "/api/v1/balance")).body).toMatchObject({ balance: -310 });
    });

    it("stops a revoked key at once, though the direct route had it cached", async () => {
      const created = await call("POST", "/api/v1/api-keys", { body: JSON.stringify({ name: "rotating" }) });
      expect(created.status).toBe(201);
      const second = created.body.apiKey.key;
      expect((await call("POST", "/api/v1/charges", { body: JSON.stringify({ amount: 1 }), key: second })).status).toBe(201);
      // Revoked through Next.js. On the embedded database its copy of the code and the direct route's share one
      // cache of verified keys; on Postgres the worker's cache is its own, and the ledger refuses the key as it commits.
      expect((await call("DELETE", `/api/v1/api-keys/${created.body.apiKey.id}`)).status).toBe(204);
      const after = await call("POST", "/api/v1/charges", { body: JSON.stringify({ amount: 1 }), key: second });
      expect([after.status, after.body.code]).toEqual([401, "unauthorized"]);
      expect((await call("GET", "/api/v1/balance")).body).toMatchObject({ balance: -311 });
    });
});
