// A partner's whole journey through the native API, every number exact: bootstrap, a sub-account made with the
// Zavu SDK, usage until the limit blocks it, a raised limit, suspension, key rotation, deactivation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import Zavudev from "@zavudev/sdk";
import { apiClient, zavu } from "@/lib/api/test-client";
import { makeTeam } from "@/lib/testing/fixtures";

const { handle, server } = setupTestServer();

describe("a partner's journey", () => {
  it("runs from bootstrap to deactivation with exact numbers", async () => {
    const { db } = await handle;
    // taken before any charge, so a run across midnight still finds them all in [today, today + 2 days)
    const today = new Date().toISOString().slice(0, 10);
    const { primaryKey, primaryId } = await makeTeam(db, { name: "Partner", balance: 0n, creditLimit: 1000n });
    const { client } = zavu(server.origin, primaryKey);
    const primary = apiClient(server.origin, primaryKey);

    const { subAccount } = await client.subAccounts.create({ name: "Acme Shop", externalId: "acme", creditLimit: 500, metadata: { plan: "pro" } });
    expect(subAccount).toMatchObject({ name: "Acme Shop", status: "active", creditLimit: 500, totalSpent: 0, available: 500 });
    const id = subAccount.id;
    let sub = apiClient(server.origin, subAccount.apiKey!);

    // spend until the credit limit blocks it
    for (const amount of [200, 200, 100]) expect((await sub.post("/v1/charges", { amount, description: "SMS batch" })).status).toBe(201);
    const blocked = await sub.post("/v1/charges", { amount: 1 });
    expect(blocked.status).toBe(402);
    expect(blocked.body).toMatchObject({ code: "credit_limit_exceeded", available: 0 });
    expect(await client.subAccounts.getBalance(id)).toEqual({ balance: -500, currency: "USD", isSubAccount: true, totalSpent: 500, creditLimit: 500, balanceMode: "shared", available: 0 });
    expect(await client.balance.retrieve()).toEqual({ balance: -500, currency: "USD", creditLimit: 1000, totalSpent: 0, available: 500 });

    // raise the limit: 300 more fits; then the cap binds again
    expect((await client.subAccounts.update(id, { creditLimit: 800 })).subAccount).toMatchObject({ creditLimit: 800, available: 300 });
    expect((await sub.post("/v1/charges", { amount: 300 })).status).toBe(201);
    expect((await sub.post("/v1/charges", { amount: 1 })).body.available).toBe(0);
    // no cap at all: now the primary's remaining credit binds
    expect((await client.subAccounts.update(id, { creditLimit: null })).subAccount).toMatchObject({ creditLimit: null, available: 200 });
    const primaryBound = await sub.post("/v1/charges", { amount: 250 });
    expect(primaryBound.status).toBe(402);
    expect(primaryBound.body.available).toBe(200);

    // suspend: nothing can be charged, but the key still reads
    expect((await client.subAccounts.update(id, { suspended: true } as never)).subAccount).toMatchObject({ status: "active", suspended: true });
    const suspended = await sub.post("/v1/charges", { amount: 1 });
    expect(suspended.status).toBe(403);
    expect(suspended.body.code).toBe("account_suspended");
    expect((await sub.get("/v1/balance")).body).toMatchObject({ balance: -800, totalSpent: 800 });
    expect((await client.subAccounts.update(id, { status: "active" })).subAccount).toMatchObject({ suspended: false });

    // rotate keys without downtime
    const { apiKey: fresh } = await client.subAccounts.apiKeys.create(id, { name: "Rotated" });
    const next = apiClient(server.origin, fresh.key);
    expect((await sub.get("/v1/balance")).status).toBe(200);
    expect((await next.get("/v1/balance")).status).toBe(200);
    const oldKeyId = (await client.subAccounts.apiKeys.list(id)).items.find((k) => k.name === "Default")!.id;
    await client.subAccounts.apiKeys.revoke(oldKeyId, { id });
    expect((await sub.post("/v1/charges", { amount: 50 })).status).toBe(401);
    sub = next;
    expect((await sub.post("/v1/charges", { amount: 50 })).body.charge).toMatchObject({ accountId: id, amount: 50 });

    // the partner pays its bill
    expect((await primary.post("/v1/top-ups", { amount: 1000, reference: "invoice 1" })).status).toBe(201);
    expect(await client.balance.retrieve()).toEqual({ balance: 150, currency: "USD", creditLimit: 1000, totalSpent: 0, available: 1150 });

    // history and reports agree
    const charges = await primary.get(`/v1/charges?subAccountId=${id}`);
    expect(charges.body.items.map((c: { amount: number }) => c.amount)).toEqual([50, 300, 100, 200, 200]);
    const after = new Date(Date.parse(today) + 2 * 86_400_000).toISOString().slice(0, 10);
    const report = await primary.get(`/v1/reports/spend?from=${today}&to=${after}`);
    expect(report.body.total).toBe(850);
    expect(report.body.periods.map((p: { period: string }) => p.period)).toEqual([today, new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10)]);
    expect(report.body.periods.reduce((sum: number, p: { byAccount: Record<string, number> }) => sum + (p.byAccount[id] ?? 0), 0)).toBe(850);

    // deactivate: keys revoked, data kept
    expect(await client.subAccounts.deactivate(id)).toEqual({ keysRevoked: 1, balanceReturned: 0, message: "Sub-account deactivated; 1 API key revoked" });
    const gone = await zavu(server.origin, fresh.key).client.balance.retrieve().catch((e) => e);
    expect(gone).toBeInstanceOf(Zavudev.AuthenticationError);
    expect((await client.subAccounts.retrieve(id)).subAccount).toMatchObject({ status: "inactive", totalSpent: 850, creditLimit: null, externalId: "acme", metadata: { plan: "pro" } });
    const all = await client.subAccounts.list();
    expect(all.items.map((s) => [s.id, s.status])).toEqual([[id, "inactive"]]);
    expect(primaryId).not.toBe(id);
  });
});
