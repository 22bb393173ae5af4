// Sending webhook deliveries: claim due rows with SKIP LOCKED and a lease (so any number of workers in any
// number of processes never send one delivery at the same time), POST the signed event outside any
// transaction, then record the answer. A worker that dies mid-send leaves its lease to expire and the
// delivery is sent again with the same Subledger-Event-Id: delivery is at least once, never lost.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { dispatchEvents } from "./dispatch-events";
import { eventJson } from "./serialize";
import { signatureHeader, SIGNATURE_HEADER } from "./signature";

// Exponential backoff spanning about a day (23.8 h) after the first attempt; then the delivery is failed.
export const RETRY_DELAYS_MS = [30e3, 60e3, 120e3, 300e3, 600e3, 1800e3, 3600e3, 7200e3, 14400e3, 28800e3, 28800e3];
// Longer than a send may take, so a live worker's claim never expires under it.
export const LEASE_MS = 120_000;
export const SEND_TIMEOUT_MS = 15_000;

export type DeliveryRun = { dispatched: number; attempted: number; delivered: number; retrying: number; failed: number };
export type RunOptions = { now?: () => Date; batchSize?: number; fetch?: typeof fetch; concurrency?: number };

export function nextAttempt(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

type Claimed = { id: bigint; endpointId: string; eventId: bigint; attempts: number };

async function claimDue(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, now), eq(webhookEndpoints.active, true)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(limit)
      .for("update", { of: webhookDeliveries, skipLocked: true });
    if (!due.length) return [];
    return tx
      .update(webhookDeliveries)
      .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, lastAttemptAt: now, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(webhookDeliveries.id, due.map((d) => d.id)))
      .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId, eventId: webhookDeliveries.eventId, attempts: webhookDeliveries.attempts });
  });
}

type Outcome = { ok: boolean; code: number | null; error: string | null };

async function send(doFetch: typeof fetch, url: string, secret: string, body: string, headers: Record<string, string>, now: Date): Promise<Outcome> {
  try {
    const res = await doFetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      headers: { "content-type": "application/json", "user-agent": "Subledger-Webhooks/1", [SIGNATURE_HEADER]: signatureHeader(secret, body, now), ...headers },
      body,
    });
    await res.body?.cancel().catch(() => {});
    const ok = res.status >= 200 && res.status < 300;
    return { ok, code: res.status, error: ok ? null : `HTTP ${res.status}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { ok: false, code: null, error: (err.name === "TimeoutError" ? "timed out" : err.cause?.code ?? err.message).slice(0, 500) };
  }
}

// One pass: fan out new events, then claim and send one batch of due deliveries.
export async function runDeliveryOnce(db: Db, opts: RunOptions = {}): Promise<DeliveryRun> {
  const clock = opts.now ?? (() => new Date());
  const doFetch = opts.fetch ?? fetch;
  const dispatched = await dispatchEvents(db, { now: clock() });
  const claimed = await claimDue(db, clock(), opts.batchSize ?? 20);
  const run: DeliveryRun = { dispatched, attempted: claimed.length, delivered: 0, retrying: 0, failed: 0 };
  if (!claimed.length) return run;
  const endpoints = new Map(
    (await db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, [...new Set(claimed.map((c) => c.endpointId))]))).map((e) => [e.id, e]),
  );
  const evts = new Map((await db.select().from(events).where(inArray(events.id, [...new Set(claimed.map((c) => c.eventId))]))).map((e) => [e.id, e]));

  const work = [...claimed];
  const lanes = Array.from({ length: Math.min(opts.concurrency ?? 8, work.length) }, async () => {
    for (let d = work.shift(); d; d = work.shift()) {
      const endpoint = endpoints.get(d.endpointId);
      const event = evts.get(d.eventId);
      if (!endpoint || !event) continue; // deleted since the claim: nothing to send
      const body = JSON.stringify(eventJson(event));
      const outcome = await send(
        doFetch,
        endpoint.url,
        endpoint.secret,
        body,
        {
          "subledger-event-id": String(event.id),
          "subledger-event-type": event.type,
          "subledger-delivery-id": String(d.id),
          "subledger-delivery-attempt": String(d.attempts),
        },
        clock(),
      );
      const at = clock();
      const next = outcome.ok ? null : nextAttempt(d.attempts, at);
      const status = outcome.ok ? "delivered" : next ? "pending" : "failed";
      // only the holder of this claim records it: a resend or a re-claim in between changed attempts
      await db
        .update(webhookDeliveries)
        .set({ status, responseCode: outcome.code, lastError: outcome.error, ...(next ? { nextAttemptAt: next } : {}) })
        .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.attempts, d.attempts), eq(webhookDeliveries.status, "pending")));
      run[outcome.ok ? "delivered" : next ? "retrying" : "failed"]++;
    }
  });
  await Promise.all(lanes);
  return run;
}
