// Top-ups and transfers both ways over HTTP, with every number of the money model checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { apiClient } from "@/lib/api/test-client";
import { makeTeam } from "@/lib/testing/fixtures";

const { handle, server } = setupTestServer();

async function setup() {
  const { db } = await handle;
  const t = await makeTeam(db, { balance: 0n, creditLimit: 100n });
  const api = apiClient(server.origin, t.primaryKey);
  const own = (await api.post("/v1/sub-accounts", { name: "Own", balanceMode: "own" })).body.subAccount;
  const shared = (await api.post("/v1/sub-accounts", { name: "Shared" })).body.subAccount;
  return { ...t, api, own, shared, ownApi: apiClient(server.origin, own.apiKey) };
}

const numbers = async (api: ReturnType<typeof apiClient>, id: string) => {
  const [p, s] = await Promise.all([api.get("/v1/balance"), api.get(`/v1/sub-accounts/${id}`)]);
  return { primary: [p.body.balance, p.body.creditLimit], sub: [s.body.subAccount.balance, s.body.subAccount.creditLimit] };
};

describe("POST /v1/top-ups and /v1/transfers", () => {
  it("moves credit and balance both ways with exact numbers", async () => {
    const { api, own, primaryId, ownApi } = await setup();
    const credit = await api.post("/v1/transfers", { type: "credit", from: "primary", to: own.id, amount: 40, reference: "month 1" });
    expect(credit.status).toBe(201);
    expect(credit.body.transfer).toMatchObject({ type: "credit", from: primaryId, to: own.id, amount: 40, reference: "month 1" });
    expect(await numbers(api, own.id)).toEqual({ primary: [0, 60], sub: [0, 40] });

    expect((await ownApi.post("/v1/charges", { amount: 40 })).status).toBe(201);
    expect((await ownApi.post("/v1/charges", { amount: 1 })).status).toBe(402);

    const top = await api.post("/v1/top-ups", { amount: 70, reference: "invoice 7" });
    expect(top.status).toBe(201);
    expect(top.body.topUp).toMatchObject({ type: "top_up", from: null, to: primaryId, amount: 70, reference: "invoice 7" });
    expect(await numbers(api, own.id)).toEqual({ primary: [70, 60], sub: [-40, 40] });

    const bal = await api.post("/v1/transfers", { type: "balance", from: primaryId, to: own.id, amount: 45 });
    expect(bal.body.transfer).toMatchObject({ type: "balance", from: primaryId, to: own.id, amount: 45, reference: null });
    expect(await numbers(api, own.id)).toEqual({ primary: [25, 60], sub: [5, 40] });

    // back the other way
    await api.post("/v1/transfers", { type: "balance", from: own.id, to: "primary", amount: 5 });
    await api.post("/v1/transfers", { type: "credit", from: own.id, to: "primary", amount: 15 });
    expect(await numbers(api, own.id)).toEqual({ primary: [30, 75], sub: [0, 25] });
  });

  it("refuses what the money model refuses, with what is available", async () => {
    const { api, own, shared, ownApi, primaryId } = await setup();
    await api.post("/v1/transfers", { type: "credit", from: "primary", to: own.id, amount: 30 });
    await ownApi.post("/v1/charges", { amount: 20 });

    const tooMuchCredit = await api.post("/v1/transfers", { type: "credit", from: own.id, to: "primary", amount: 11 });
    expect(tooMuchCredit.status).toBe(402);
    expect(tooMuchCredit.body).toMatchObject({ code: "transfer_refused", available: 10 });
    const tooMuchBalance = await api.post("/v1/transfers", { type: "balance", from: primaryId, to: own.id, amount: 71 });
    expect(tooMuchBalance.status).toBe(402);
    expect(tooMuchBalance.body.available).toBe(70);

    const toShared = await api.post("/v1/transfers", { type: "credit", from: "primary", to: shared.id, amount: 1 });
    expect(toShared.status).toBe(402);
    expect(toShared.body.message).toBe(`Sub-account ${shared.id} uses the primary account's balance; switch it to its own balance first`);
    const subToSub = await api.post("/v1/transfers", { type: "balance", from: own.id, to: shared.id, amount: 1 });
    expect(subToSub.status).toBe(422);
    expect(subToSub.body.errors).toEqual({ to: "transfers move between the primary account and one of its sub-accounts" });

    expect((await api.post("/v1/transfers", { type: "credit", from: "primary", to: "nope", amount: 1 })).status).toBe(404);
    const other = await makeTeam((await handle).db);
    const foreign = await apiClient(server.origin, other.primaryKey).post("/v1/transfers", { type: "credit", from: "primary", to: own.id, amount: 1 });
    expect(foreign.status).toBe(404);

    const invalid = await api.post("/v1/transfers", { type: "gift", from: "primary", amount: 0 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toEqual({ type: "must be credit or balance", to: expect.any(String), amount: "must be positive" });
    expect((await api.post("/v1/top-ups", { amount: 2.5 })).body.errors).toEqual({ amount: "must be a whole number of minor units" });

    expect((await ownApi.post("/v1/transfers", { type: "credit", from: own.id, to: "primary", amount: 1 })).status).toBe(403);
    expect((await ownApi.post("/v1/top-ups", { amount: 1 })).status).toBe(403);
    expect(await numbers(api, own.id)).toEqual({ primary: [0, 70], sub: [-20, 30] });
  });
});

describe("deactivating an own-balance sub-account", () => {
  it("returns its positive balance to the primary by a balance transfer", async () => {
    const { api, own, primaryId } = await setup();
    await api.post("/v1/top-ups", { amount: 100 });
    await api.post("/v1/transfers", { type: "balance", from: "primary", to: own.id, amount: 30 });
    expect(await numbers(api, own.id)).toEqual({ primary: [70, 100], sub: [30, 0] });
    const r = await api.delete(`/v1/sub-accounts/${own.id}`);
    expect(r.body).toEqual({ keysRevoked: 1, balanceReturned: 30, message: "Sub-account deactivated; 1 API key revoked" });
    expect(await numbers(api, own.id)).toEqual({ primary: [100, 100], sub: [0, 0] });
    const back = (await api.get(`/v1/transfers?type=balance&subAccountId=${own.id}`)).body.items[0];
    expect(back).toMatchObject({ type: "balance", from: own.id, to: primaryId, amount: 30, reference: "returned on deactivation" });
    // an inactive sub-account takes no transfers until reactivated
    const refused = await api.post("/v1/transfers", { type: "credit", from: "primary", to: own.id, amount: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("account_inactive");
  });
});

describe("GET /v1/transfers", () => {
  it("filters by type and account, pages without repeats, and shows a sub key only its own", async () => {
    const { api, own, ownApi, primaryId } = await setup();
    const ids: string[] = [];
    ids.push((await api.post("/v1/top-ups", { amount: 500 })).body.topUp.id);
    for (let i = 1; i <= 3; i++) ids.push((await api.post("/v1/transfers", { type: "credit", from: "primary", to: own.id, amount: i })).body.transfer.id);
    for (let i = 1; i <= 2; i++) ids.push((await api.post("/v1/transfers", { type: "balance", from: primaryId, to: own.id, amount: 10 * i })).body.transfer.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.get(`/v1/transfers?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...r.body.items.map((t) => t.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const amounts = (r: { body: { items: { amount: number }[] } }) => r.body.items.map((t) => t.amount);
    expect(amounts(await api.get("/v1/transfers?type=credit"))).toEqual([3, 2, 1]);
    expect(amounts(await api.get("/v1/transfers?type=balance"))).toEqual([20, 10]);
    expect(amounts(await api.get("/v1/transfers?type=top_up"))).toEqual([500]);
    expect(amounts(await api.get(`/v1/transfers?subAccountId=${own.id}`))).toEqual([20, 10, 3, 2, 1]);
    expect(amounts(await ownApi.get("/v1/transfers"))).toEqual([20, 10, 3, 2, 1]);
    const bad = await api.get("/v1/transfers?type=gift");
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ type: "must be credit, balance or top_up" });
  });
});
