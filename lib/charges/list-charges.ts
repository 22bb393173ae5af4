// Charges of a team or one account, newest first, filtered by date, cursor-paginated.
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ledgerTransactions } from "@/db/schema";
import { clampLimit, decodeCursor, toPage } from "@/lib/pagination";

export type ChargeFilter = { accountId?: string; from?: Date; to?: Date; limit?: number; cursor?: string | null };

export async function listCharges(db: Db, teamId: string, f: ChargeFilter = {}) {
  const limit = clampLimit(f.limit);
  const after = decodeCursor(f.cursor);
  const where: SQL[] = [eq(ledgerTransactions.teamId, teamId), eq(ledgerTransactions.kind, "charge")];
  if (f.accountId) where.push(eq(ledgerTransactions.accountId, f.accountId));
  if (f.from) where.push(gte(ledgerTransactions.createdAt, f.from));
  if (f.to) where.push(lt(ledgerTransactions.createdAt, f.to));
  if (after !== null) where.push(lt(ledgerTransactions.id, after));
  const rows = await db.select().from(ledgerTransactions).where(and(...where)).orderBy(desc(ledgerTransactions.id)).limit(limit + 1);
  return toPage(rows, limit, (r) => r.id);
}
