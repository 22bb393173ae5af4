// The Zavu SDK, unchanged, as the client of every sub-account, key and balance endpoint.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import Zavudev from "@zavudev/sdk";
import { apiClient, zavu } from "@/lib/api/test-client";
import { makeTeam } from "@/lib/testing/fixtures";

const { handle, server } = setupTestServer();

async function team(opts: { balance?: bigint; creditLimit?: bigint } = { balance: 10_000n }) {
  const { db } = await handle;
  const t = await makeTeam(db, opts);
  return { ...t, ...zavu(server.origin, t.primaryKey) };
}

describe("sub-accounts through the Zavu SDK", () => {
  it("creates, retrieves and updates a sub-account with exact fields", async () => {
    const { client } = await team();
    const { subAccount } = await client.subAccounts.create({ name: "Shop 1", externalId: "ext-1", creditLimit: 5000, metadata: { tier: "gold" } });
    expect(subAccount).toMatchObject({
      name: "Shop 1",
      status: "active",
      totalSpent: 0,
      creditLimit: 5000,
      externalId: "ext-1",
      metadata: { tier: "gold" },
      balanceMode: "shared",
      balance: null,
      suspended: false,
      available: 5000,
    });
    expect(subAccount.apiKey).toMatch(/^sl_live_/);
    expect(new Date(subAccount.createdAt).toISOString()).toBe(subAccount.createdAt);

    const got = await client.subAccounts.retrieve(subAccount.id);
    expect(got.subAccount).toEqual({ ...subAccount, apiKey: undefined, updatedAt: (got.subAccount as { updatedAt?: string }).updatedAt } as never);
    expect(got.subAccount).not.toHaveProperty("apiKey");

    const { subAccount: up } = await client.subAccounts.update(subAccount.id, { name: "Shop One", creditLimit: null, metadata: { tier: "silver" }, externalId: "ext-1b" });
    expect(up).toMatchObject({ id: subAccount.id, name: "Shop One", creditLimit: null, metadata: { tier: "silver" }, externalId: "ext-1b", available: 10_000 });

    // extensions: suspension, then own balance with credit moved from the primary
    const { subAccount: susp } = await client.subAccounts.update(subAccount.id, { suspended: true } as never);
    expect(susp).toMatchObject({ status: "active", suspended: true, lifecycle: "suspended" });
    const { subAccount: back } = await client.subAccounts.update(subAccount.id, { suspended: false } as never);
    expect(back).toMatchObject({ suspended: false, lifecycle: "active" });
  });

  it("creates an own-balance sub-account whose credit comes from the primary", async () => {
    const { client, primaryId } = await team({ balance: 0n, creditLimit: 1000n });
    const { subAccount } = await client.subAccounts.create({ name: "Own", creditLimit: 400, balanceMode: "own" } as never);
    expect(subAccount).toMatchObject({ balanceMode: "own", balance: 0, creditLimit: 400, available: 400 });
    expect(await client.balance.retrieve()).toMatchObject({ balance: 0, creditLimit: 600 });
    const { subAccount: more } = await client.subAccounts.update(subAccount.id, { creditLimit: 700 });
    expect(more).toMatchObject({ creditLimit: 700, available: 700 });
    expect(await client.balance.retrieve()).toMatchObject({ creditLimit: 300, available: 300 });
    // more than the primary can give: refused with what it could
    const err = await client.subAccounts.update(subAccount.id, { creditLimit: 1001 }).catch((e) => e);
    expect(err).toBeInstanceOf(Zavudev.APIError);
    expect(err.status).toBe(402);
    expect(err.error).toMatchObject({ code: "transfer_refused", available: 300 });
    expect(primaryId).toBeTruthy();
  });

  it("switches shared to own by PATCH, refuses own to shared, and deactivates with status inactive", async () => {
    const { client } = await team({ balance: 300n, creditLimit: 200n });
    const { subAccount } = await client.subAccounts.create({ name: "Switch", creditLimit: 50 });
    const { subAccount: own } = await client.subAccounts.update(subAccount.id, { balanceMode: "own", creditLimit: 120 } as never);
    expect(own).toMatchObject({ balanceMode: "own", balance: 0, creditLimit: 120, available: 120 });
    expect(await client.balance.retrieve()).toMatchObject({ balance: 300, creditLimit: 80, available: 380 });
    const back = await client.subAccounts.update(subAccount.id, { balanceMode: "shared" } as never).catch((e) => e);
    expect(back.status).toBe(422);
    expect(back.error.errors).toEqual({ balanceMode: "can only be changed to own; own-balance accounts cannot go back to shared" });

    const { subAccount: off } = await client.subAccounts.update(subAccount.id, { status: "inactive" });
    expect(off).toMatchObject({ status: "inactive", lifecycle: "deactivated" });
    expect((await zavu(server.origin, subAccount.apiKey!).client.balance.retrieve().catch((e) => e)).status).toBe(401);
    const contradiction = await client.subAccounts.update(subAccount.id, { status: "active", suspended: true } as never).catch((e) => e);
    expect(contradiction.error.errors).toEqual({ suspended: "contradicts status" });
  });

  it("lists newest first and auto-paginates across pages without repeats or gaps", async () => {
    const { client, sent } = await team();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await client.subAccounts.create({ name: `Sub ${i}` })).subAccount.id);
    sent.length = 0;
    const seen: string[] = [];
    for await (const s of client.subAccounts.list({ limit: 3 })) seen.push(s.id);
    expect(seen).toEqual([...ids].reverse());
    expect(sent.length).toBe(3);
    const first = await client.subAccounts.list({ limit: 3 });
    expect(first.items.map((s) => s.name)).toEqual(["Sub 6", "Sub 5", "Sub 4"]);
    expect(first.nextCursor).toBeTruthy();
    const all = await client.subAccounts.list();
    expect(all.items.length).toBe(7);
    expect(all.nextCursor).toBe("");
  });

  it("rotates keys without downtime and revokes with 204", async () => {
    const { client, primaryKey } = await team();
    const { subAccount } = await client.subAccounts.create({ name: "Rotating" });
    const oldKey = subAccount.apiKey!;
    const before = await client.subAccounts.apiKeys.list(subAccount.id);
    expect(before.items).toHaveLength(1);
    expect(before.items[0]).toMatchObject({ name: "Default", keyPrefix: oldKey.slice(0, 12), environment: "live", revokedAt: null });
    expect(typeof before.items[0].createdAt).toBe("number");

    const { apiKey } = await client.subAccounts.apiKeys.create(subAccount.id, { name: "Second", environment: "test" });
    expect(apiKey).toMatchObject({ name: "Second", environment: "test", keyPrefix: apiKey.key.slice(0, 12) });
    expect(apiKey.key).toMatch(/^sl_test_/);

    // both keys work at once
    const subOld = zavu(server.origin, oldKey).client;
    const subNew = zavu(server.origin, apiKey.key).client;
    expect(await subOld.balance.retrieve()).toMatchObject({ balance: 10_000, isSubAccount: true });
    expect(await subNew.balance.retrieve()).toMatchObject({ balance: 10_000, isSubAccount: true });

    const oldId = before.items[0].id;
    await client.subAccounts.apiKeys.revoke(oldId, { id: subAccount.id });
    const err = await subOld.balance.retrieve().catch((e) => e);
    expect(err).toBeInstanceOf(Zavudev.AuthenticationError);
    expect(err.message).toBe("401 Missing or invalid credentials");
    expect(await subNew.balance.retrieve()).toMatchObject({ balance: 10_000 });

    const after = await client.subAccounts.apiKeys.list(subAccount.id);
    expect(after.items.map((k) => [k.name, k.revokedAt === null])).toEqual([
      ["Second", true],
      ["Default", false],
    ]);
    expect(typeof after.items[1].revokedAt).toBe("number");

    // a key of another sub-account, or an unknown one: 404
    const other = await client.subAccounts.create({ name: "Other" });
    const e404 = await client.subAccounts.apiKeys.revoke(apiKey.id, { id: other.subAccount.id }).catch((e) => e);
    expect(e404).toBeInstanceOf(Zavudev.NotFoundError);
    expect(e404.message).toBe("404 API key not found");
    expect(primaryKey).toBeTruthy();
  });

  it("answers balances for the primary and sub keys", async () => {
    const { client } = await team({ balance: 2500n, creditLimit: 500n });
    expect(await client.balance.retrieve()).toEqual({ balance: 2500, currency: "USD", creditLimit: 500, totalSpent: 0, available: 3000 });
    const { subAccount } = await client.subAccounts.create({ name: "Capped", creditLimit: 1200 });
    const sub = zavu(server.origin, subAccount.apiKey!).client;
    const mine = { balance: 2500, currency: "USD", isSubAccount: true, totalSpent: 0, creditLimit: 1200, balanceMode: "shared", available: 1200 };
    expect(await sub.balance.retrieve()).toEqual(mine);
    expect(await client.subAccounts.getBalance(subAccount.id)).toEqual(mine);
    expect(await sub.subAccounts.getBalance(subAccount.id)).toEqual(mine);
    expect((await sub.subAccounts.retrieve(subAccount.id)).subAccount.id).toBe(subAccount.id);
  });

  it("deactivates (keys revoked) and reactivates with status active and a new key", async () => {
    const { client } = await team();
    const { subAccount } = await client.subAccounts.create({ name: "Leaving" });
    await client.subAccounts.apiKeys.create(subAccount.id, { name: "Extra" });
    const res = await client.subAccounts.deactivate(subAccount.id);
    expect(res).toEqual({ keysRevoked: 2, balanceReturned: 0, message: "Sub-account deactivated; 2 API keys revoked" });
    const sub = zavu(server.origin, subAccount.apiKey!).client;
    expect((await sub.balance.retrieve().catch((e) => e)).status).toBe(401);
    expect((await client.subAccounts.retrieve(subAccount.id)).subAccount).toMatchObject({ status: "inactive", lifecycle: "deactivated" });
    // no key for an inactive account: reactivate first
    const early = await client.subAccounts.apiKeys.create(subAccount.id, { name: "Too early" }).catch((e) => e);
    expect(early).toBeInstanceOf(Zavudev.PermissionDeniedError);

    const { subAccount: again } = await client.subAccounts.update(subAccount.id, { status: "active" });
    expect(again).toMatchObject({ status: "active", lifecycle: "active" });
    expect((await sub.balance.retrieve().catch((e) => e)).status).toBe(401);
    const { apiKey } = await client.subAccounts.apiKeys.create(subAccount.id, { name: "New" });
    expect(await zavu(server.origin, apiKey.key).client.balance.retrieve()).toMatchObject({ isSubAccount: true, balance: 10_000 });
    // deactivating twice is harmless: the new key is revoked, nothing else changes
    expect(await client.subAccounts.deactivate(subAccount.id)).toMatchObject({ keysRevoked: 1 });
    expect(await client.subAccounts.deactivate(subAccount.id)).toMatchObject({ keysRevoked: 0, message: "Sub-account deactivated; 0 API keys revoked" });
  });

  it("keeps a sub-account key to its own account and other teams out", async () => {
    const { client } = await team();
    const a = (await client.subAccounts.create({ name: "A" })).subAccount;
    const b = (await client.subAccounts.create({ name: "B" })).subAccount;
    const subA = zavu(server.origin, a.apiKey!).client;
    const forbidden = await subA.subAccounts.list().catch((e) => e);
    expect(forbidden).toBeInstanceOf(Zavudev.PermissionDeniedError);
    expect(forbidden.message).toBe("403 This needs an API key of the primary account");
    for (const attempt of [() => subA.subAccounts.create({ name: "x" }), () => subA.subAccounts.update(a.id, { name: "x" }), () => subA.subAccounts.deactivate(a.id), () => subA.subAccounts.apiKeys.list(a.id)])
      expect((await attempt().catch((e) => e)).status).toBe(403);
    const hidden = await subA.subAccounts.retrieve(b.id).catch((e) => e);
    expect(hidden).toBeInstanceOf(Zavudev.NotFoundError);
    expect(hidden.message).toBe("404 Sub-account not found");
    expect((await subA.subAccounts.getBalance(b.id).catch((e) => e)).status).toBe(404);

    const other = await team();
    for (const attempt of [
      () => other.client.subAccounts.retrieve(a.id),
      () => other.client.subAccounts.update(a.id, { name: "mine" }),
      () => other.client.subAccounts.deactivate(a.id),
      () => other.client.subAccounts.getBalance(a.id),
      () => other.client.subAccounts.apiKeys.list(a.id),
      () => other.client.subAccounts.retrieve("does-not-exist"),
    ])
      expect((await attempt().catch((e) => e)).status).toBe(404);
    // the primary itself is not a sub-account
    const { primaryId } = other;
    expect((await other.client.subAccounts.retrieve(primaryId).catch((e) => e)).status).toBe(404);
  });

  it("answers typed SDK errors with the body's message; a 409 is not retried", async () => {
    const { client, sent } = await team();
    await client.subAccounts.create({ name: "One", externalId: "dup" });
    sent.length = 0;
    const conflict = await client.subAccounts.create({ name: "Two", externalId: "dup" }).catch((e) => e);
    expect(conflict).toBeInstanceOf(Zavudev.ConflictError);
    expect(conflict.message).toBe('409 A sub-account with externalId "dup" already exists');
    expect(conflict.headers.get("x-should-retry")).toBe("false");
    expect(sent.length).toBe(1);

    const invalid = await client.subAccounts.create({ name: "", creditLimit: -1 }).catch((e) => e);
    expect(invalid).toBeInstanceOf(Zavudev.UnprocessableEntityError);
    expect(invalid.message).toBe("422 name: is required; creditLimit: must be zero or more");
    expect(invalid.error.errors).toEqual({ name: "is required", creditLimit: "must be zero or more" });

    const unknownField = await client.subAccounts.update("x", { colour: "red" } as never).catch((e) => e);
    expect(unknownField.status).toBe(422);
    expect(unknownField.error.errors).toEqual({ colour: "is not a field this endpoint accepts" });

    const badPage = await client.subAccounts.list({ limit: 101 }).catch((e) => e);
    expect(badPage).toBeInstanceOf(Zavudev.BadRequestError);
    expect(badPage.message).toBe("400 limit: must be a whole number from 1 to 100");
  });

  it("manages the primary account's own keys", async () => {
    const { client, primaryKey } = await team();
    const api = apiClient(server.origin, primaryKey);
    const sub = (await client.subAccounts.create({ name: "S" })).subAccount;
    const first = await api.get("/v1/api-keys");
    expect(first.status).toBe(200);
    expect(first.body.items.map((k: { name: string }) => k.name)).toEqual(["Primary"]);
    const created = await api.post("/v1/api-keys", { name: "Rotation" });
    expect(created.status).toBe(201);
    expect(created.body.apiKey).toMatchObject({ name: "Rotation", environment: "live", keyPrefix: created.body.apiKey.key.slice(0, 12) });
    const next = apiClient(server.origin, created.body.apiKey.key);
    expect((await next.get("/v1/balance")).status).toBe(200);
    const revoked = await next.delete(`/v1/api-keys/${first.body.items[0].id}`);
    expect(revoked.status).toBe(204);
    expect(revoked.body).toBeNull();
    expect((await api.get("/v1/balance")).status).toBe(401);
    expect((await next.get("/v1/api-keys")).body.items.map((k: { revokedAt: number | null }) => k.revokedAt === null)).toEqual([true, false]);
    expect((await next.delete("/v1/api-keys/key_unknown")).status).toBe(404);
    const subApi = apiClient(server.origin, sub.apiKey);
    expect((await subApi.get("/v1/api-keys")).status).toBe(403);
    expect((await subApi.post("/v1/api-keys", { name: "x" })).status).toBe(403);
  });
});
