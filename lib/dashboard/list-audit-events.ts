// The activity log of a team, newest first, cursor-paginated on the event id.
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { clampLimit, decodeCursor, toPage } from "@/lib/pagination";

export async function listAuditEvents(db: Db, teamId: string, opts: { limit?: number; cursor?: string | null; targetId?: string } = {}) {
  const limit = clampLimit(opts.limit, 30);
  const after = decodeCursor(opts.cursor);
  const where: SQL[] = [eq(auditEvents.teamId, teamId)];
  if (opts.targetId) where.push(eq(auditEvents.targetId, opts.targetId));
  if (after !== null) where.push(lt(auditEvents.id, after));
  const rows = await db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.id)).limit(limit + 1);
  return toPage(rows, limit, (r) => r.id);
}

// "user:abc:ann@example.com" → who to show
export function actorLabel(actor: string) {
  const [kind, id, ...rest] = actor.split(":");
  const label = rest.join(":");
  if (kind === "user") return label || id;
  if (kind === "key") return `API key ${label || id}`;
  return "System";
}
