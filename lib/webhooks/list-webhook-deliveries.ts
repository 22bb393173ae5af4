// One endpoint's deliveries, newest first, with cursor pagination.
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { clampLimit, decodeCursor, toPage, type Page } from "@/lib/pagination";
import { getWebhookEndpoint } from "./list-webhook-endpoints";
import type { WebhookDelivery } from "./serialize";

export async function listWebhookDeliveries(
  db: Db,
  teamId: string,
  endpointId: string,
  opts: { limit?: number; cursor?: string | null; status?: WebhookDelivery["status"] } = {},
): Promise<Page<WebhookDelivery>> {
  await getWebhookEndpoint(db, teamId, endpointId);
  const limit = clampLimit(opts.limit);
  const before = decodeCursor(opts.cursor);
  const where: SQL[] = [eq(webhookDeliveries.endpointId, endpointId)];
  if (before !== null) where.push(lt(webhookDeliveries.id, before));
  if (opts.status) where.push(eq(webhookDeliveries.status, opts.status));
  const rows = await db.select().from(webhookDeliveries).where(and(...where)).orderBy(desc(webhookDeliveries.id)).limit(limit + 1);
  return toPage(rows, limit, (r) => r.id);
}
