// Sub-accounts of a team, newest first, cursor-paginated, with the dashboard's search, filters and sorts.
import { and, asc, desc, eq, ilike, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import type { AccountStatus, BalanceMode } from "@/db/schema";
import type { Account } from "@/lib/ledger/types";
import { clampLimit, decodeCursor, toPage, type Page } from "@/lib/pagination";

export type SubAccountFilter = {
  limit?: number;
  cursor?: string | null;
  search?: string;
  status?: AccountStatus;
  balanceMode?: BalanceMode;
};

export async function listSubAccounts(db: Db, teamId: string, f: SubAccountFilter = {}): Promise<Page<Account>> {
  const limit = clampLimit(f.limit);
  const after = decodeCursor(f.cursor);
  const where: SQL[] = [eq(accounts.teamId, teamId), eq(accounts.kind, "sub"), isNull(accounts.deletedAt)];
  if (after !== null) where.push(lt(accounts.seq, Number(after)));
  if (f.status) where.push(eq(accounts.status, f.status));
  if (f.balanceMode) where.push(eq(accounts.balanceMode, f.balanceMode));
  if (f.search) {
    const q = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(accounts.name, q), ilike(accounts.externalId, q))!);
  }
  const rows = await db.select().from(accounts).where(and(...where)).orderBy(desc(accounts.seq)).limit(limit + 1);
  return toPage(rows, limit, (r) => r.seq);
}

// Every sub-account of a team (for overviews and totals); teams have at most thousands.
export async function allSubAccounts(db: Db, teamId: string): Promise<Account[]> {
  return db
    .select()
    .from(accounts)
    .where(and(eq(accounts.teamId, teamId), eq(accounts.kind, "sub"), isNull(accounts.deletedAt)))
    .orderBy(asc(accounts.seq));
}
