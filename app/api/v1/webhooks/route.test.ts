import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { events } from "@/db/schema";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { apiClient } from "@/lib/api/test-client";
import { makeTeam } from "@/lib/testing/fixtures";
import { runDeliveryOnce } from "@/lib/webhooks/deliver-webhooks";
import { verifySignature } from "@/lib/webhooks/signature";
import { startReceiver } from "@/lib/webhooks/testing";

const { handle, server } = setupTestServer();

describe("/v1/webhooks and /v1/events", () => {
  it("creates, lists, updates and deletes endpoints with a primary key; the secret is shown once", async () => {
    const { db } = await handle;
    const { primaryKey } = await makeTeam(db);
    const api = apiClient(server.origin, primaryKey);
    const created = await api.post("/v1/webhooks", { url: "https://example.com/hooks", events: ["subaccount.limit_threshold", "team.low_balance"] });
    expect(created.status).toBe(201);
    const hook = created.body.webhook;
    expect(hook).toMatchObject({ url: "https://example.com/hooks", events: ["subaccount.limit_threshold", "team.low_balance"], active: true, description: null });
    expect(hook.secret).toMatch(/^whsec_/);

    const list = await api.get("/v1/webhooks");
    expect(list.body).toEqual({ items: [expect.objectContaining({ id: hook.id })], nextCursor: null });
    expect(list.body.items[0].secret).toBeUndefined();

    const patched = await api.patch(`/v1/webhooks/${hook.id}`, { active: false, events: ["*"] });
    expect(patched.status).toBe(200);
    expect(patched.body.webhook).toMatchObject({ active: false, events: ["*"] });
    expect((await api.get(`/v1/webhooks/${hook.id}`)).body.webhook.active).toBe(false);

    const bad = await api.post("/v1/webhooks", { url: "ftp://example.com", events: ["nope"] });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(["events.0", "url"]);

    expect((await api.delete(`/v1/webhooks/${hook.id}`)).status).toBe(204);
    expect((await api.get(`/v1/webhooks/${hook.id}`)).status).toBe(404);
  });

  it("refuses sub-account keys and other teams' endpoints", async () => {
    const { db } = await handle;
    const a = await makeTeam(db);
    const b = await makeTeam(db);
    const { apiKey } = await createSubAccount(db, a.team.id, { name: "Customer" });
    const hook = (await apiClient(server.origin, a.primaryKey).post("/v1/webhooks", { url: "https://a.example/h" })).body.webhook;
    const sub = apiClient(server.origin, apiKey!.key);
    expect((await sub.get("/v1/webhooks")).status).toBe(403);
    expect((await sub.get("/v1/events")).status).toBe(403);
    expect((await sub.post("/v1/webhooks", { url: "https://evil.example/h" })).status).toBe(403);
    const other = apiClient(server.origin, b.primaryKey);
    expect((await other.get(`/v1/webhooks/${hook.id}`)).status).toBe(404);
    expect((await other.patch(`/v1/webhooks/${hook.id}`, { active: false })).status).toBe(404);
    expect((await other.delete(`/v1/webhooks/${hook.id}`)).status).toBe(404);
    expect((await other.get(`/v1/webhooks/${hook.id}/deliveries`)).status).toBe(404);
  });

  it("lists events newest first with a cursor, and an endpoint's deliveries, resendable by hand", async () => {
    const { db } = await handle;
    const { team, primaryKey } = await makeTeam(db);
    const rx = await startReceiver((_r, i) => ({ status: i === 0 ? 500 : 200 }));
    try {
      const api = apiClient(server.origin, primaryKey);
      const hook = (await api.post("/v1/webhooks", { url: rx.url })).body.webhook;
      await db.insert(events).values(Array.from({ length: 5 }, (_, n) => ({ teamId: team.id, type: "transfer.created", data: { n } })));
      const p1 = await api.get("/v1/events?limit=3");
      expect(p1.body.items.map((e: { data: { n: number } }) => e.data.n)).toEqual([4, 3, 2]);
      const p2 = await api.get(`/v1/events?limit=3&cursor=${p1.body.nextCursor}`);
      expect(p2.body).toMatchObject({ items: [{ data: { n: 1 } }, { data: { n: 0 } }], nextCursor: null });
      expect((await api.get("/v1/events?type=team.low_balance")).body.items).toEqual([]);

      await runDeliveryOnce(db);
      const deliveries = (await api.get(`/v1/webhooks/${hook.id}/deliveries`)).body.items;
      expect(deliveries).toHaveLength(5);
      const failed = deliveries.find((d: { responseCode: number }) => d.responseCode === 500);
      expect(failed).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500" });
      const resent = await api.post(`/v1/webhooks/${hook.id}/deliveries/${failed.id}/resend`);
      expect(resent.status).toBe(202);
      expect(resent.body.delivery).toMatchObject({ id: failed.id, status: "pending", attempts: 0 });
      await runDeliveryOnce(db);
      const after = (await api.get(`/v1/webhooks/${hook.id}/deliveries?status=delivered`)).body.items;
      expect(after).toHaveLength(5);
      const last = rx.received[rx.received.length - 1];
      expect(verifySignature(hook.secret, last.headers["subledger-signature"] as string, last.body)).toBe(true);
      expect((await api.post(`/v1/webhooks/${hook.id}/deliveries/999999/resend`)).status).toBe(404);
    } finally {
      await rx.close();
    }
  });
});
