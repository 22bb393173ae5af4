// Registering a webhook endpoint: its URL, the event types it wants, and a signing secret made here.
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { parseInput } from "@/lib/alerts/schemas";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids";
import { createWebhookSchema, type CreateWebhookInput } from "./schemas";
import type { WebhookEndpoint } from "./serialize";
import { generateWebhookSecret } from "./signature";

export async function createWebhookEndpoint(db: Db, teamId: string, raw: CreateWebhookInput, actor: Actor = systemActor): Promise<WebhookEndpoint> {
  const input = parseInput(createWebhookSchema, raw);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        id: newId("whe"),
        teamId,
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        active: input.active ?? true,
        secret: generateWebhookSecret(),
      })
      .returning();
    await recordAudit(tx, { teamId, actor, action: "webhook.create", targetType: "webhook_endpoint", targetId: row.id, after: { url: row.url, events: row.events, active: row.active } });
    return row;
  });
}
