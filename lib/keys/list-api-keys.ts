import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { clampLimit, decodeCursor, toPage } from "@/lib/pagination";

export async function listApiKeys(db: Db, teamId: string, accountId: string, opts: { limit?: number; cursor?: string | null } = {}) {
  const limit = clampLimit(opts.limit, 100);
  const after = decodeCursor(opts.cursor);
  const where: SQL[] = [eq(apiKeys.teamId, teamId), eq(apiKeys.accountId, accountId)];
  if (after !== null) where.push(lt(apiKeys.seq, Number(after)));
  const rows = await db.select().from(apiKeys).where(and(...where)).orderBy(desc(apiKeys.seq)).limit(limit + 1);
  return toPage(rows, limit, (r) => r.seq);
}
