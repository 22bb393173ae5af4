// Charges over HTTP: who may charge whom, every refusal, idempotency (header and body) and the cap under load.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { apiClient } from "@/lib/api/test-client";
import { makeTeam } from "@/lib/testing/fixtures";
import { eq } from "drizzle-orm";
import { apiKeys, ledgerTransactions } from "@/db/schema";

const { handle, server } = setupTestServer({ max: 20 });

async function team(balance = 10_000n, creditLimit = 0n) {
  const { db } = await handle;
  const t = await makeTeam(db, { balance, creditLimit });
  return { ...t, api: apiClient(server.origin, t.primaryKey) };
}

async function sub(api: ReturnType<typeof apiClient>, body: Record<string, unknown>) {
  const r = await api.post("/v1/sub-accounts", body);
  expect(r.status).toBe(201);
  return { id: r.body.subAccount.id as string, api: apiClient(server.origin, r.body.subAccount.apiKey) };
}

describe("POST /v1/charges", () => {
  it("charges the primary, a sub-account on its behalf, and a sub-account by its own key", async () => {
    const { api, primaryId } = await team(10_000n);
    const s = await sub(api, { name: "S", creditLimit: 1000 });

    const own = await api.post("/v1/charges", { amount: 250, description: "SMS", metadata: { to: "+1555" } });
    expect(own.status).toBe(201);
    expect(own.contentType).toBe("application/json");
    expect(own.body.charge).toMatchObject({ accountId: primaryId, amount: 250, description: "SMS", metadata: { to: "+1555" }, idempotencyKey: null });
    expect(own.body.charge.id).toMatch(/^\d+$/);

    const onBehalf = await api.post("/v1/charges", { amount: 300, subAccountId: s.id });
    expect(onBehalf.body.charge).toMatchObject({ accountId: s.id, amount: 300, description: null });
    const bySub = await s.api.post("/v1/charges", { amount: 200 });
    expect(bySub.body.charge).toMatchObject({ accountId: s.id, amount: 200 });
    expect((await s.api.post("/v1/charges", { amount: 1, subAccountId: s.id })).status).toBe(201);

    expect((await api.get("/v1/balance")).body).toEqual({ balance: 10_000 - 751, currency: "USD", creditLimit: 0, totalSpent: 250, available: 9249 });
    expect((await s.api.get("/v1/balance")).body).toMatchObject({ balance: 9249, totalSpent: 501, creditLimit: 1000, available: 499 });
  });

  it("refuses over the limit with 402 and what is available, never partly", async () => {
    const { api } = await team(1000n);
    const s = await sub(api, { name: "Capped", creditLimit: 500 });
    expect((await s.api.post("/v1/charges", { amount: 400 })).status).toBe(201);
    const over = await s.api.post("/v1/charges", { amount: 101 });
    expect(over.status).toBe(402);
    expect(over.contentType).toBe("application/problem+json");
    expect(over.body).toMatchObject({
      type: "https://subledger.dev/problems/credit-limit-exceeded",
      title: "Payment required",
      status: 402,
      code: "credit_limit_exceeded",
      available: 100,
      detail: `Charge of 101 exceeds the 100 available to account ${s.id}`,
      message: `Charge of 101 exceeds the 100 available to account ${s.id}`,
    });
    expect((await s.api.post("/v1/charges", { amount: 100 })).status).toBe(201);
    // the primary's own balance bounds it too: 1000 - 500 spent leaves 500
    const big = await api.post("/v1/charges", { amount: 501 });
    expect(big.status).toBe(402);
    expect(big.body.available).toBe(500);
  });

  it("refuses suspended and inactive accounts with 403, and other accounts with 404", async () => {
    const { api } = await team();
    const s = await sub(api, { name: "S" });
    const other = await sub(api, { name: "Other" });
    expect((await api.patch(`/v1/sub-accounts/${s.id}`, { status: "suspended" })).body.subAccount.suspended).toBe(true);
    const suspended = await s.api.post("/v1/charges", { amount: 1 });
    expect(suspended.status).toBe(403);
    expect(suspended.body).toMatchObject({ code: "account_suspended", detail: `Account ${s.id} is suspended` });
    // a suspended account's key still reads
    expect((await s.api.get("/v1/balance")).status).toBe(200);

    expect((await api.delete(`/v1/sub-accounts/${s.id}`)).status).toBe(200);
    const inactive = await api.post("/v1/charges", { amount: 1, subAccountId: s.id });
    expect(inactive.status).toBe(403);
    expect(inactive.body.code).toBe("account_inactive");

    const hidden = await other.api.post("/v1/charges", { amount: 1, subAccountId: s.id });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: "not_found", detail: "Sub-account not found" });
    const foreign = await (await team()).api.post("/v1/charges", { amount: 1, subAccountId: other.id });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ code: "not_found", detail: "Sub-account not found" });
    // the primary named as a sub-account, and an id that exists nowhere
    const { api: api2, primaryId } = await team();
    expect((await api2.post("/v1/charges", { amount: 1, subAccountId: primaryId })).body).toMatchObject({ status: 404, detail: "Sub-account not found" });
    expect((await api2.post("/v1/charges", { amount: 1, subAccountId: "nope" })).body).toMatchObject({ status: 404, detail: "Sub-account not found" });
    expect((await api2.get("/v1/balance")).body).toMatchObject({ totalSpent: 0 });
  });

  it("refuses a key revoked by another process while this one still has it cached: the ledger re-checks it", async () => {
    const { db } = await handle;
    const { api, primaryId } = await team(10_000n);
    const s = await sub(api, { name: "S" });
    expect((await s.api.post("/v1/charges", { amount: 5 })).status).toBe(201);
    // revoked straight in the database, as another app process would: this process's cache of verified keys
    // still holds the key, so only the ledger's check under its locks can refuse it
    await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.accountId, s.id));
    const refused = await s.api.post("/v1/charges", { amount: 7 });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: "unauthorized", status: 401 });
    const rows = await db.select().from(ledgerTransactions).where(eq(ledgerTransactions.accountId, s.id));
    expect(rows.map((r) => r.amount)).toEqual([5n]);
    expect((await api.get("/v1/balance")).body).toMatchObject({ balance: 9995 });
    expect((await api.get(`/v1/sub-accounts/${s.id}/balance`)).body).toMatchObject({ totalSpent: 5 });
    expect(primaryId).not.toBe(s.id);
  });

  it("refuses bad amounts with 422 naming the field, malformed JSON with 400, big bodies with 413", async () => {
    const { api } = await team();
    const cases: [unknown, string][] = [
      [0, "must be positive"],
      [-5, "must be positive"],
      [1.5, "must be a whole number of minor units"],
      ["10", "must be a number"],
      [Number.MAX_SAFE_INTEGER + 1, "must be a whole number of minor units"],
      [null, "must be a number"],
    ];
    for (const [amount, msg] of cases) {
      const r = await api.post("/v1/charges", { amount });
      expect(r.status, String(amount)).toBe(422);
      expect(r.body.errors, String(amount)).toEqual({ amount: msg });
      expect(r.body.message).toBe(`amount: ${msg}`);
    }
    const missing = await api.post("/v1/charges", { description: 5, extra: true });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual({ amount: "must be a number", description: expect.any(String), extra: "is not a field this endpoint accepts" });

    const malformed = await api.call("POST", "/v1/charges", "{amount: 1", { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: "malformed_json", message: "The request body is not valid JSON" });
    expect((await api.call("POST", "/v1/charges", "[1]")).body.code).toBe("malformed_json");

    const huge = await api.post("/v1/charges", { amount: 1, description: "x".repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.contentType).toBe("application/problem+json");
    expect(huge.body.code).toBe("payload_too_large");
    expect((await api.get("/v1/balance")).body.totalSpent).toBe(0);
  });

  it("makes a charge idempotent by the body's idempotencyKey", async () => {
    const { api } = await team();
    const s = await sub(api, { name: "S" });
    const a = await s.api.post("/v1/charges", { amount: 70, idempotencyKey: "usage-1" });
    const b = await s.api.post("/v1/charges", { amount: 70, idempotencyKey: "usage-1" });
    expect(a.status).toBe(201);
    expect(b.body.charge).toEqual(a.body.charge);
    expect(a.body.charge.idempotencyKey).toBe("usage-1");
    const clash = await s.api.post("/v1/charges", { amount: 71, idempotencyKey: "usage-1" });
    expect(clash.status).toBe(409);
    expect(clash.headers.get("x-should-retry")).toBe("false");
    expect(clash.body.message).toBe("This idempotency key was already used for a different charge");
    expect((await s.api.get("/v1/balance")).body.totalSpent).toBe(70);
  });

  it("replays the first answer for the same Idempotency-Key and body, refuses another body with 422", async () => {
    const { api } = await team(100n);
    const first = await api.call("POST", "/v1/charges", JSON.stringify({ amount: 60 }), { "idempotency-key": "k1" });
    const again = await api.call("POST", "/v1/charges", JSON.stringify({ amount: 60 }), { "idempotency-key": "k1" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const other = await api.call("POST", "/v1/charges", JSON.stringify({ amount: 61 }), { "idempotency-key": "k1" });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotency_key_reused");
    // a refusal is replayed too: the same request answers the same way
    const refused = await api.call("POST", "/v1/charges", JSON.stringify({ amount: 50 }), { "idempotency-key": "k2" });
    expect(refused.status).toBe(402);
    expect((await api.call("POST", "/v1/charges", JSON.stringify({ amount: 50 }), { "idempotency-key": "k2" })).body).toEqual(refused.body);
    expect((await api.get("/v1/balance")).body).toMatchObject({ balance: 40, totalSpent: 60 });
  });

  it("takes effect once for 20 concurrent duplicates of one Idempotency-Key", async () => {
    const { api } = await team(1000n);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => api.call("POST", "/v1/charges", JSON.stringify({ amount: 7 }), { "idempotency-key": "same" })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.charge.id)).size).toBe(1);
    expect((await api.get("/v1/balance")).body).toMatchObject({ balance: 993, totalSpent: 7 });
    expect((await api.get("/v1/charges")).body.items).toHaveLength(1);
  });

  it("admits exactly the cap under 200 concurrent one-cent charges", async () => {
    const { api } = await team(10_000n);
    const s = await sub(api, { name: "Hot", creditLimit: 100 });
    const answers = await Promise.all(Array.from({ length: 200 }, () => s.api.post("/v1/charges", { amount: 1 })));
    const count = (st: number) => answers.filter((a) => a.status === st).length;
    expect([count(201), count(402)]).toEqual([100, 100]);
    expect((await s.api.get("/v1/balance")).body).toMatchObject({ totalSpent: 100, available: 0, balance: 9900 });
  });
});

describe("GET /v1/charges", () => {
  it("pages newest first across pages, nothing repeated or skipped, and scopes sub keys to themselves", async () => {
    const { api, primaryId } = await team();
    // taken before any charge: a run across midnight still finds them all from today on
    const today = new Date().toISOString().slice(0, 10);
    const a = await sub(api, { name: "A" });
    const b = await sub(api, { name: "B" });
    const made: string[] = [];
    for (let i = 1; i <= 7; i++) made.push((await api.post("/v1/charges", { amount: i, subAccountId: i % 2 ? a.id : b.id })).body.charge.id);
    made.push((await api.post("/v1/charges", { amount: 100 })).body.charge.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.get(`/v1/charges?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...r.body.items.map((c) => c.id));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());

    const mine = await a.api.get("/v1/charges");
    expect(mine.body.items.map((c: { amount: number }) => c.amount)).toEqual([7, 5, 3, 1]);
    expect(mine.body.nextCursor).toBeNull();
    expect((await api.get(`/v1/charges?subAccountId=${b.id}`)).body.items.map((c: { amount: number }) => c.amount)).toEqual([6, 4, 2]);
    expect((await a.api.get(`/v1/charges?subAccountId=${b.id}`)).status).toBe(404);
    expect((await api.get("/v1/charges?limit=1")).body.items[0].accountId).toBe(primaryId);

    // dates: a window ending at today's midnight holds nothing, one starting there everything
    expect((await api.get(`/v1/charges?to=${today}`)).body.items).toEqual([]);
    expect((await api.get(`/v1/charges?from=${today}`)).body.items).toHaveLength(8);
  });

  it("refuses a bad query with 400 naming each field", async () => {
    const { api } = await team();
    const r = await api.get("/v1/charges?limit=0&from=yesterday&colour=red");
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual({
      limit: "must be a whole number from 1 to 100",
      from: "must be an ISO 8601 date or date-time",
      colour: "is not a field this endpoint accepts",
    });
    const cursor = await api.get("/v1/charges?cursor=bm90LWEtY3Vyc29y");
    expect(cursor.status).toBe(422);
    expect(cursor.body.errors).toEqual({ cursor: "is not a cursor this API gave out" });
  });
});
