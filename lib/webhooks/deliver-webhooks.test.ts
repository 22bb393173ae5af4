import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setupTestDb } from "@/db/testing";
import { events, webhookDeliveries } from "@/db/schema";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { chargeAccount } from "@/lib/charges/charge-account";
import { makeTeam } from "@/lib/testing/fixtures";
import type { Db } from "@/db/client";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { LEASE_MS, RETRY_DELAYS_MS, runDeliveryOnce } from "./deliver-webhooks";
import { startDeliveryWorker } from "./delivery-worker";
import { resendWebhookDelivery } from "./resend-webhook-delivery";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";
import { verifySignature } from "./signature";
import { startReceiver } from "./testing";

const handle = setupTestDb({ max: 10 });
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  cleanup.push(r.close);
  return r;
}

async function outboxEvents(db: Db, teamId: string, n: number) {
  await db.insert(events).values(Array.from({ length: n }, (_, i) => ({ teamId, type: "transfer.created", data: { n: i } })));
}

async function deliveriesOf(db: Db, endpointId: string) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(webhookDeliveries.id);
}

async function drain(db: Db, opts: Parameters<typeof runDeliveryOnce>[1] = {}) {
  for (;;) {
    const r = await runDeliveryOnce(db, opts);
    if (!r.attempted && !r.dispatched) return;
  }
}

describe("webhook delivery", () => {
  it("posts each subscribed event once, signed with the endpoint's secret", async () => {
    const { db } = await handle;
    const rx = await receiver();
    const { team } = await makeTeam(db, { balance: 100_000n });
    const all = await createWebhookEndpoint(db, team.id, { url: rx.url });
    const other = await receiver();
    const onlySuspended = await createWebhookEndpoint(db, team.id, { url: other.url, events: ["subaccount.suspended"] });
    const { account: sub } = await createSubAccount(db, team.id, { name: "Watched", creditLimit: 1_000 });
    await chargeAccount(db, team.id, { accountId: sub.id, amount: 600n });
    await updateSubAccount(db, team.id, sub.id, { status: "suspended" });

    expect(await runDeliveryOnce(db)).toMatchObject({ dispatched: 2, attempted: 3, delivered: 3 });
    expect(rx.received.map((r) => JSON.parse(r.body).type)).toEqual(["subaccount.limit_threshold", "subaccount.suspended"]);
    expect(other.received.map((r) => JSON.parse(r.body).type)).toEqual(["subaccount.suspended"]);

    const first = rx.received[0];
    const body = JSON.parse(first.body);
    expect(body).toMatchObject({ type: "subaccount.limit_threshold", accountId: sub.id, data: { threshold: 50, subAccountId: sub.id } });
    expect(first.headers["content-type"]).toBe("application/json");
    expect(first.headers["subledger-event-id"]).toBe(body.id);
    expect(first.headers["subledger-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(all.secret, first.headers["subledger-signature"] as string, first.body)).toBe(true);
    expect(verifySignature(onlySuspended.secret, first.headers["subledger-signature"] as string, first.body)).toBe(false);
    expect(verifySignature(all.secret, first.headers["subledger-signature"] as string, first.body.replace("50", "51"))).toBe(false);
    const later = new Date(Date.now() + 3600_000);
    expect(verifySignature(all.secret, first.headers["subledger-signature"] as string, first.body, { now: later })).toBe(false);

    const rows = await deliveriesOf(db, all.id);
    expect(rows.map((d) => [d.status, d.responseCode, d.attempts])).toEqual([
      ["delivered", 200, 1],
      ["delivered", 200, 1],
    ]);
    // nothing left to send
    expect(await runDeliveryOnce(db)).toMatchObject({ dispatched: 0, attempted: 0 });
    expect(rx.received).toHaveLength(2);
  });

  it("retries after the receiver fails (500, then 200), on the backoff schedule", async () => {
    const { db } = await handle;
    const rx = await receiver((_r, i) => ({ status: i === 0 ? 500 : 200 }));
    const { team } = await makeTeam(db);
    const ep = await createWebhookEndpoint(db, team.id, { url: rx.url });
    await outboxEvents(db, team.id, 1);
    const t0 = new Date(Date.now() + 1000);
    expect(await runDeliveryOnce(db, { now: () => t0 })).toMatchObject({ attempted: 1, retrying: 1 });
    let [d] = await deliveriesOf(db, ep.id);
    expect(d).toMatchObject({ status: "pending", responseCode: 500, attempts: 1, lastError: "HTTP 500" });
    expect(d.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_DELAYS_MS[0]);
    // not due yet
    expect(await runDeliveryOnce(db, { now: () => new Date(t0.getTime() + 10_000) })).toMatchObject({ attempted: 0 });
    expect(await runDeliveryOnce(db, { now: () => new Date(t0.getTime() + RETRY_DELAYS_MS[0]) })).toMatchObject({ attempted: 1, delivered: 1 });
    [d] = await deliveriesOf(db, ep.id);
    expect(d).toMatchObject({ status: "delivered", responseCode: 200, attempts: 2, lastError: null });
    expect(rx.eventIds()).toEqual([String(d.eventId), String(d.eventId)]);
  });

  it("gives up after a day of retries, and a hand resend delivers it", async () => {
    const { db } = await handle;
    let up = false;
    const rx = await receiver(() => ({ status: up ? 204 : 503 }));
    const { team } = await makeTeam(db);
    const ep = await createWebhookEndpoint(db, team.id, { url: rx.url });
    await outboxEvents(db, team.id, 1);
    let t = Date.now();
    await runDeliveryOnce(db, { now: () => new Date(t) });
    for (const delay of RETRY_DELAYS_MS) {
      t += delay;
      expect(await runDeliveryOnce(db, { now: () => new Date(t) })).toMatchObject({ attempted: 1 });
    }
    let [d] = await deliveriesOf(db, ep.id);
    expect(d).toMatchObject({ status: "failed", attempts: RETRY_DELAYS_MS.length + 1, responseCode: 503 });
    expect(t - d.createdAt.getTime()).toBeGreaterThan(23 * 3600_000);
    expect(t - d.createdAt.getTime()).toBeLessThan(25 * 3600_000);
    expect(await runDeliveryOnce(db, { now: () => new Date(t + 86_400_000) })).toMatchObject({ attempted: 0 });

    up = true;
    await resendWebhookDelivery(db, team.id, ep.id, String(d.id), undefined, new Date(t));
    expect(await runDeliveryOnce(db, { now: () => new Date(t) })).toMatchObject({ attempted: 1, delivered: 1 });
    [d] = await deliveriesOf(db, ep.id);
    expect(d).toMatchObject({ status: "delivered", attempts: 1, responseCode: 204 });
  });

  it("sends nothing to an inactive endpoint, nor history from before an endpoint existed", async () => {
    const { db } = await handle;
    const rx = await receiver();
    const { team } = await makeTeam(db);
    await outboxEvents(db, team.id, 2);
    const ep = await createWebhookEndpoint(db, team.id, { url: rx.url, active: false });
    await outboxEvents(db, team.id, 1);
    await drain(db);
    expect(rx.received).toHaveLength(0);
    await updateWebhookEndpoint(db, team.id, ep.id, { active: true });
    await outboxEvents(db, team.id, 1);
    await drain(db);
    expect(rx.received.map((r) => JSON.parse(r.body).data.n)).toEqual([0]);
  });

  it("a worker stopped mid-delivery finishes that send, and a restarted one neither loses nor repeats an event", async () => {
    const { db } = await handle;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let arrived!: () => void;
    const firstArrived = new Promise<void>((r) => (arrived = r));
    const rx = await receiver(async (_r, i) => {
      if (i === 0) {
        arrived();
        await held;
      }
      return { status: 200 };
    });
    const { team } = await makeTeam(db);
    const ep = await createWebhookEndpoint(db, team.id, { url: rx.url });
    await outboxEvents(db, team.id, 10);
    const worker = startDeliveryWorker(async () => db, { idleMs: 20, batchSize: 4, concurrency: 1 });
    await firstArrived;
    const stopping = worker.stop();
    release();
    await stopping;
    const afterStop = rx.received.length;
    expect(afterStop).toBeGreaterThanOrEqual(1);
    expect(afterStop).toBeLessThanOrEqual(4);
    await outboxEvents(db, team.id, 5);
    const restarted = startDeliveryWorker(async () => db, { idleMs: 20, batchSize: 4 });
    await waitFor(() => rx.received.length >= 15);
    await restarted.stop();
    const ids = rx.eventIds();
    expect(ids).toHaveLength(15);
    expect(new Set(ids).size).toBe(15);
    expect((await deliveriesOf(db, ep.id)).every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
  });

  it("a worker that dies mid-send leaves its claim to expire: the delivery is made later, not lost", async () => {
    const { db } = await handle;
    const rx = await receiver();
    const { team } = await makeTeam(db);
    const ep = await createWebhookEndpoint(db, team.id, { url: rx.url });
    await outboxEvents(db, team.id, 3);
    const t0 = new Date(Date.now() + 1000);
    // the process "dies" with its sends in flight: they never complete and nothing is recorded
    let started = 0;
    void runDeliveryOnce(db, { now: () => t0, fetch: () => (started++, new Promise<Response>(() => {})) });
    await waitFor(() => started === 3);
    expect((await deliveriesOf(db, ep.id)).map((d) => d.status)).toEqual(["pending", "pending", "pending"]);
    // a restarted worker leaves a live claim alone
    expect(await runDeliveryOnce(db, { now: () => new Date(t0.getTime() + 1000) })).toMatchObject({ attempted: 0 });
    expect(await runDeliveryOnce(db, { now: () => new Date(t0.getTime() + LEASE_MS) })).toMatchObject({ attempted: 3, delivered: 3 });
    expect(rx.eventIds()).toHaveLength(3);
    expect(new Set(rx.eventIds()).size).toBe(3);
    expect((await deliveriesOf(db, ep.id)).map((d) => [d.status, d.attempts])).toEqual([
      ["delivered", 2],
      ["delivered", 2],
      ["delivered", 2],
    ]);
  });

  it("two concurrent workers on two connection pools send each of N events exactly once", async () => {
    const h = await handle;
    const other = await h.openAnother();
    const rx = await receiver(async () => {
      await new Promise((r) => setTimeout(r, 2));
      return { status: 200 };
    });
    const { team } = await makeTeam(h.db);
    const ep = await createWebhookEndpoint(h.db, team.id, { url: rx.url });
    const N = 60;
    await outboxEvents(h.db, team.id, N);
    const a = startDeliveryWorker(async () => h.db, { idleMs: 10, batchSize: 5 });
    const b = startDeliveryWorker(async () => other.db, { idleMs: 10, batchSize: 5 });
    await waitFor(() => rx.received.length >= N);
    // give a would-be duplicate time to show up
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([a.stop(), b.stop()]);
    const ids = rx.eventIds();
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);
    const rows = await deliveriesOf(h.db, ep.id);
    expect(rows).toHaveLength(N);
    expect(rows.every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 20_000) {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}
