// Sending a delivery again by hand: it becomes due now, whatever its state, with a fresh retry schedule.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { getWebhookEndpoint } from "./list-webhook-endpoints";
import type { WebhookDelivery } from "./serialize";

export async function resendWebhookDelivery(
  db: Db,
  teamId: string,
  endpointId: string,
  deliveryId: string,
  actor: Actor = systemActor,
  now: Date = new Date(),
): Promise<WebhookDelivery> {
  if (!/^\d{1,19}$/.test(deliveryId)) throw new NotFound("Webhook delivery");
  return db.transaction(async (tx) => {
    await getWebhookEndpoint(tx, teamId, endpointId);
    const [row] = await tx
      .update(webhookDeliveries)
      // attempts restart, so the full day of retries follows this resend
      .set({ status: "pending", nextAttemptAt: now, attempts: 0 })
      .where(and(eq(webhookDeliveries.id, BigInt(deliveryId)), eq(webhookDeliveries.endpointId, endpointId)))
      .returning();
    if (!row) throw new NotFound("Webhook delivery");
    await recordAudit(tx, { teamId, actor, action: "webhook.resend", targetType: "webhook_delivery", targetId: deliveryId });
    return row;
  });
}
