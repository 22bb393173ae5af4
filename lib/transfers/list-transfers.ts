// Transfers (credit, balance) and top-ups of a team, filtered by type, account and date, newest first.
import { and, desc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ledgerTransactions, type TransactionKind } from "@/db/schema";
import { clampLimit, decodeCursor, toPage } from "@/lib/pagination";

export type TransferKind = "credit_transfer" | "balance_transfer" | "top_up";
export type TransferFilter = { kinds?: TransferKind[]; accountId?: string; from?: Date; to?: Date; limit?: number; cursor?: string | null };

export function transferWhere(teamId: string, f: TransferFilter): SQL[] {
  const kinds: TransactionKind[] = f.kinds?.length ? f.kinds : ["credit_transfer", "balance_transfer", "top_up"];
  const where: SQL[] = [eq(ledgerTransactions.teamId, teamId), inArray(ledgerTransactions.kind, kinds)];
  if (f.accountId) where.push(or(eq(ledgerTransactions.accountId, f.accountId), eq(ledgerTransactions.counterpartyId, f.accountId))!);
  if (f.from) where.push(gte(ledgerTransactions.createdAt, f.from));
  if (f.to) where.push(lt(ledgerTransactions.createdAt, f.to));
  return where;
}

export async function listTransfers(db: Db, teamId: string, f: TransferFilter = {}) {
  const limit = clampLimit(f.limit);
  const after = decodeCursor(f.cursor);
  const where = transferWhere(teamId, f);
  if (after !== null) where.push(lt(ledgerTransactions.id, after));
  const rows = await db.select().from(ledgerTransactions).where(and(...where)).orderBy(desc(ledgerTransactions.id)).limit(limit + 1);
  return toPage(rows, limit, (r) => r.id);
}
