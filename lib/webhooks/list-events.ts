// A team's outbox events, newest first, with cursor pagination (the /v1/events list and the notifications panel).
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { clampLimit, decodeCursor, toPage, type Page } from "@/lib/pagination";
import type { OutboxEvent } from "./serialize";

export async function listEvents(
  db: Db,
  teamId: string,
  opts: { limit?: number; cursor?: string | null; types?: string[]; accountId?: string } = {},
): Promise<Page<OutboxEvent>> {
  const limit = clampLimit(opts.limit);
  const before = decodeCursor(opts.cursor);
  const where: SQL[] = [eq(events.teamId, teamId)];
  if (before !== null) where.push(lt(events.id, before));
  if (opts.types?.length) where.push(inArray(events.type, opts.types));
  if (opts.accountId) where.push(eq(events.accountId, opts.accountId));
  const rows = await db.select().from(events).where(and(...where)).orderBy(desc(events.id)).limit(limit + 1);
  return toPage(rows, limit, (r) => r.id);
}
