// The native numbers API: a primary key adds, lists and assigns; a sub-account key sees only its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { makeTeam } from "@/lib/testing/fixtures";

const { handle, server } = setupTestServer();

function api(key: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.origin}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as Record<string, any> };
  };
  return { get: (p: string) => call("GET", p), post: (p: string, b: unknown) => call("POST", p, b) };
}

async function setup() {
  const { db } = await handle;
  const t = await makeTeam(db);
  const a = await createSubAccount(db, t.team.id, { name: "A" });
  const b = await createSubAccount(db, t.team.id, { name: "B" });
  return { ...t, primary: api(t.primaryKey), a: { id: a.account.id, api: api(a.apiKey!.key) }, b: { id: b.account.id, api: api(b.apiKey!.key) } };
}

describe("/v1/numbers", () => {
  it("adds numbers to the primary or a sub-account, and refuses duplicates and bad input", async () => {
    const { primary, primaryId, a } = await setup();
    const added = await primary.post("/numbers", { number: "+447700900003", country: "gb" });
    expect(added).toMatchObject({ status: 201, type: "application/json" });
    expect(added.body.number).toEqual({ id: expect.stringMatching(/^num_/), number: "447700900003", country: "GB", accountId: primaryId, subAccountId: null, createdAt: expect.any(String) });
    const toSub = await primary.post("/numbers", { number: "12025550100", country: "US", subAccountId: a.id });
    expect(toSub.body.number).toMatchObject({ accountId: a.id, subAccountId: a.id });
    const dup = await primary.post("/numbers", { number: "447700900003", country: "GB" });
    expect(dup).toMatchObject({ status: 409, type: "application/problem+json", body: { code: "conflict" } });
    const bad = await primary.post("/numbers", { number: "call me", country: "Britain" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors)).toEqual(["number", "country"]);
    expect((await primary.post("/numbers", { number: "447700900004", country: "GB", subAccountId: "nope" })).status).toBe(404);
    expect((await a.api.post("/numbers", { number: "447700900005", country: "GB" })).status).toBe(403);
  });

  it("lists in number order with cursor pages; a sub-account key sees only its own numbers", async () => {
    const { primary, primaryId, a, b } = await setup();
    for (const n of ["15550000003", "15550000001", "15550000002"]) await primary.post("/numbers", { number: n, country: "US" });
    await primary.post("/numbers", { number: "15550000001", country: "CA", subAccountId: a.id });
    await primary.post("/numbers", { number: "15550000009", country: "US", subAccountId: b.id });

    const first = await primary.get("/numbers?limit=2");
    expect(first.body.items.map((n: any) => `${n.number} ${n.country}`)).toEqual(["15550000001 CA", "15550000001 US"]);
    const second = await primary.get(`/numbers?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((n: any) => n.number)).toEqual(["15550000002", "15550000003"]);
    const third = await primary.get(`/numbers?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body).toEqual({ items: [expect.objectContaining({ number: "15550000009", subAccountId: b.id })], nextCursor: null });

    expect((await primary.get(`/numbers?subAccountId=${primaryId}`)).body.items).toHaveLength(3);
    expect((await primary.get(`/numbers?subAccountId=${a.id}`)).body.items.map((n: any) => n.country)).toEqual(["CA"]);
    const own = await a.api.get("/numbers");
    expect(own.body).toEqual({ items: [expect.objectContaining({ number: "15550000001", country: "CA", accountId: a.id })], nextCursor: null });
    expect((await a.api.get(`/numbers?subAccountId=${b.id}`)).status).toBe(403);
    expect((await primary.get("/numbers?cursor=bogus")).status).toBe(422);
    expect((await primary.get("/numbers?limit=0")).status).toBe(400);
  });

  it("assigns a number to a sub-account and back to the primary", async () => {
    const { primary, primaryId, a, b } = await setup();
    const { body } = await primary.post("/numbers", { number: "33612345678", country: "FR" });
    const id = body.number.id;
    expect((await primary.post(`/numbers/${id}/assign`, { subAccountId: a.id })).body.number).toMatchObject({ accountId: a.id, subAccountId: a.id });
    expect((await a.api.get("/numbers")).body.items).toHaveLength(1);
    expect((await primary.post(`/numbers/${id}/assign`, { subAccountId: b.id })).body.number).toMatchObject({ accountId: b.id });
    expect((await a.api.get("/numbers")).body.items).toHaveLength(0);
    expect((await primary.post(`/numbers/${id}/assign`, { subAccountId: b.id })).status).toBe(409);
    expect((await primary.post(`/numbers/${id}/assign`, { subAccountId: null })).body.number).toMatchObject({ accountId: primaryId, subAccountId: null });
    expect((await primary.post(`/numbers/num_nope/assign`, { subAccountId: a.id })).status).toBe(404);
    expect((await primary.post(`/numbers/${id}/assign`, {})).status).toBe(422);
    expect((await a.api.post(`/numbers/${id}/assign`, { subAccountId: a.id })).status).toBe(403);
  });
});
