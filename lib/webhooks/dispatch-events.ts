// Fan-out: turns outbox events into one delivery row per subscribed, active endpoint of the event's team.
// Claims events with SKIP LOCKED so many app processes fan out side by side without waiting on each other;
// the unique (endpoint, event) index makes a repeated fan-out harmless.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { subscribes } from "./event-types";

export async function dispatchEvents(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const batch = await tx
      .select({ id: events.id, teamId: events.teamId, type: events.type, createdAt: events.createdAt })
      .from(events)
      .where(isNull(events.dispatchedAt))
      .orderBy(asc(events.id))
      .limit(opts.limit ?? 200)
      .for("update", { skipLocked: true });
    if (!batch.length) return 0;
    const teamIds = [...new Set(batch.map((e) => e.teamId))];
    const endpoints = await tx
      .select({ id: webhookEndpoints.id, teamId: webhookEndpoints.teamId, events: webhookEndpoints.events, createdAt: webhookEndpoints.createdAt })
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.teamId, teamIds), eq(webhookEndpoints.active, true)));
    const rows: (typeof webhookDeliveries.$inferInsert)[] = [];
    for (const e of batch)
      for (const ep of endpoints)
        // an endpoint hears what happened after it was registered, not the team's whole history
        if (ep.teamId === e.teamId && ep.createdAt <= e.createdAt && subscribes(ep.events, e.type))
          rows.push({ endpointId: ep.id, eventId: e.id, nextAttemptAt: now });
    if (rows.length) await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing();
    await tx.update(events).set({ dispatchedAt: now }).where(inArray(events.id, batch.map((e) => e.id)));
    return batch.length;
  });
}
