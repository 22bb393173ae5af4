// What every endpoint shares: unknown routes, authentication refusals and Idempotency-Key on every write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { apiClient } from "@/lib/api/test-client";
import { makeTeam } from "@/lib/testing/fixtures";

const { handle, server } = setupTestServer();

const problemKeys = ["code", "detail", "instance", "message", "status", "title", "type"];

describe("unknown routes under /api/v1", () => {
  it("answer a problem+json 404 for every method, without needing a key", async () => {
    const anon = apiClient(server.origin);
    for (const [method, path] of [
      ["GET", "/v1/nope"],
      ["POST", "/v1/nope/deeper"],
      ["PUT", "/v1/sub-account"],
      ["DELETE", "/v1/sub-accounts/x/y/z"],
      ["PATCH", "/v1/charges/1/refund"],
    ]) {
      const r = await anon.call(method, path, method === "GET" || method === "DELETE" ? undefined : {});
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.contentType).toBe("application/problem+json");
      expect(r.body).toEqual({
        type: "https://subledger.dev/problems/route-not-found",
        title: "Not found",
        status: 404,
        code: "route_not_found",
        detail: `No endpoint ${method} /api${path}`,
        message: `No endpoint ${method} /api${path}`,
        instance: `/api${path}`,
      });
    }
  });
});

describe("authentication", () => {
  it("refuses a missing, unknown or revoked key and a key of a deactivated account with 401", async () => {
    const { db } = await handle;
    const t = await makeTeam(db);
    const api = apiClient(server.origin, t.primaryKey);
    const missing = await apiClient(server.origin).get("/v1/sub-accounts");
    expect(missing.status).toBe(401);
    expect(missing.contentType).toBe("application/problem+json");
    expect(Object.keys(missing.body).sort()).toEqual(problemKeys);
    expect(missing.body.message).toBe("Send an API key as 'Authorization: Bearer <key>'");
    expect((await apiClient(server.origin, "sl_live_unknown").get("/v1/balance")).body.message).toBe("Missing or invalid credentials");

    const sub = (await api.post("/v1/sub-accounts", { name: "S" })).body.subAccount;
    const keys = (await api.get(`/v1/sub-accounts/${sub.id}/api-keys`)).body.items;
    expect((await api.delete(`/v1/sub-accounts/${sub.id}/api-keys/${keys[0].id}`)).status).toBe(204);
    expect((await apiClient(server.origin, sub.apiKey).get("/v1/balance")).status).toBe(401);

    const sub2 = (await api.post("/v1/sub-accounts", { name: "S2" })).body.subAccount;
    expect((await apiClient(server.origin, sub2.apiKey).get("/v1/balance")).status).toBe(200);
    await api.delete(`/v1/sub-accounts/${sub2.id}`);
    const gone = await apiClient(server.origin, sub2.apiKey).post("/v1/charges", { amount: 1 });
    expect(gone.status).toBe(401);
  });
});

describe("Idempotency-Key on every write", () => {
  it("replays POST, PATCH and DELETE answers exactly, and refuses another body with 422", async () => {
    const { db } = await handle;
    const t = await makeTeam(db, { balance: 1000n });
    const api = apiClient(server.origin, t.primaryKey);
    const h = (k: string) => ({ "idempotency-key": k });

    const created = await api.post("/v1/sub-accounts", { name: "Once" }, h("create-1"));
    const replay = await api.post("/v1/sub-accounts", { name: "Once" }, h("create-1"));
    expect(created.status).toBe(201);
    expect(replay.status).toBe(201);
    // the same answer, except the key: shown once, and never kept in the idempotency record
    expect(replay.body).toEqual({ subAccount: { ...created.body.subAccount, apiKey: "[shown once]" } });
    expect((await api.get("/v1/sub-accounts")).body.items).toHaveLength(1);
    const id = created.body.subAccount.id;
    const clash = await api.post("/v1/sub-accounts", { name: "Twice" }, h("create-1"));
    expect(clash.status).toBe(422);
    expect(clash.body).toMatchObject({ code: "idempotency_key_reused", message: "This Idempotency-Key was already used with a different request" });

    const patched = await api.patch(`/v1/sub-accounts/${id}`, { creditLimit: 300 }, h("patch-1"));
    await api.patch(`/v1/sub-accounts/${id}`, { creditLimit: 400 });
    const patchReplay = await api.patch(`/v1/sub-accounts/${id}`, { creditLimit: 300 }, h("patch-1"));
    expect(patchReplay.body).toEqual(patched.body);
    expect((await api.get(`/v1/sub-accounts/${id}`)).body.subAccount.creditLimit).toBe(400);

    const deleted = await api.delete(`/v1/sub-accounts/${id}`, h("delete-1"));
    expect(deleted.body).toEqual({ keysRevoked: 1, balanceReturned: 0, message: "Sub-account deactivated; 1 API key revoked" });
    expect((await api.delete(`/v1/sub-accounts/${id}`, h("delete-1"))).body).toEqual(deleted.body);

    const keyId = (await api.post("/v1/api-keys", { name: "Spare" })).body.apiKey.id;
    const revoked = await api.delete(`/v1/api-keys/${keyId}`, h("revoke-1"));
    const revokedAgain = await api.delete(`/v1/api-keys/${keyId}`, h("revoke-1"));
    expect([revoked.status, revokedAgain.status]).toEqual([204, 204]);
    expect(revokedAgain.headers.get("idempotent-replayed")).toBe("true");

    const long = await api.post("/v1/top-ups", { amount: 1 }, h("x".repeat(256)));
    expect(long.status).toBe(400);
    expect(long.body.code).toBe("invalid_idempotency_key");
  });

  it("creates one sub-account for 20 concurrent duplicates", async () => {
    const { db } = await handle;
    const t = await makeTeam(db);
    const api = apiClient(server.origin, t.primaryKey);
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.post("/v1/sub-accounts", { name: "Racy" }, { "idempotency-key": "race" })));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.subAccount.id)).size).toBe(1);
    expect((await api.get("/v1/sub-accounts")).body.items).toHaveLength(1);
  });
});
