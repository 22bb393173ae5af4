// Reading a team's webhook endpoints (a team has few: the list is not paginated).
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import type { WebhookEndpoint } from "./serialize";

export async function listWebhookEndpoints(db: Db, teamId: string): Promise<WebhookEndpoint[]> {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.teamId, teamId)).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export async function getWebhookEndpoint(db: Db, teamId: string, id: string): Promise<WebhookEndpoint> {
  const [row] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.teamId, teamId)));
  if (!row) throw new NotFound("Webhook endpoint");
  return row;
}
