// Removing a webhook endpoint with its delivery history (the events themselves stay in the outbox).
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";

export async function deleteWebhookEndpoint(db: Db, teamId: string, id: string, actor: Actor = systemActor): Promise<void> {
  await db.transaction(async (tx) => {
    // locking the endpoint first keeps a worker from recording an attempt on a delivery being deleted
    const [row] = await tx.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.teamId, teamId))).for("update");
    if (!row) throw new NotFound("Webhook endpoint");
    await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordAudit(tx, { teamId, actor, action: "webhook.delete", targetType: "webhook_endpoint", targetId: id, before: { url: row.url, events: row.events } });
  });
}
