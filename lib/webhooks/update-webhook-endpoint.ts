// Changing a webhook endpoint: URL, subscribed events, description, active (inactive endpoints get no new deliveries).
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { parseInput } from "@/lib/alerts/schemas";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { updateWebhookSchema, type UpdateWebhookInput } from "./schemas";
import type { WebhookEndpoint } from "./serialize";

export async function updateWebhookEndpoint(db: Db, teamId: string, id: string, raw: UpdateWebhookInput, actor: Actor = systemActor): Promise<WebhookEndpoint> {
  const input = parseInput(updateWebhookSchema, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.teamId, teamId))).for("update");
    if (!before) throw new NotFound("Webhook endpoint");
    const patch: Partial<typeof webhookEndpoints.$inferInsert> = { updatedAt: new Date() };
    if (input.url !== undefined) patch.url = input.url;
    if (input.events !== undefined) patch.events = input.events;
    if (input.description !== undefined) patch.description = input.description ?? null;
    if (input.active !== undefined) patch.active = input.active;
    const [after] = await tx.update(webhookEndpoints).set(patch).where(eq(webhookEndpoints.id, id)).returning();
    const shape = (e: WebhookEndpoint) => ({ url: e.url, events: e.events, active: e.active, description: e.description });
    await recordAudit(tx, { teamId, actor, action: "webhook.update", targetType: "webhook_endpoint", targetId: id, before: shape(before), after: shape(after) });
    return after;
  });
}
