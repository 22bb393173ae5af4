// The sub-accounts table: search, filters, sorting by spend or by use of limit, numbered pages.
// Sorting by a computed use of limit cannot ride the seq cursor of listSubAccounts, so this reads the team's
// sub-accounts (teams have at most thousands) and pages in memory.
import type { Db } from "@/db/client";
import type { AccountStatus, BalanceMode } from "@/db/schema";
import { allSubAccounts } from "@/lib/accounts/list-sub-accounts";
import { getAccount } from "@/lib/accounts/get-account";
import { limitUseBps } from "@/lib/ledger/alert-crossings";
import { loadTeam } from "@/lib/ledger/post-movements";
import { statusLabel, subAccountAvailable } from "./sub-account-view";

export const SUB_ACCOUNT_SORTS = ["newest", "spend", "use", "name"] as const;
export type SubAccountSort = (typeof SUB_ACCOUNT_SORTS)[number];
export const PAGE_SIZE = 20;

export type SubAccountQuery = { q?: string; status?: AccountStatus | "deleting"; mode?: BalanceMode; sort?: SubAccountSort; page?: number };

export async function listSubAccountRows(db: Db, teamId: string, query: SubAccountQuery) {
  const team = await loadTeam(db, teamId);
  const [primary, all] = await Promise.all([getAccount(db, teamId, team.primaryAccountId), allSubAccounts(db, teamId)]);
  const q = query.q?.trim().toLowerCase();
  let rows = all.filter((a) => {
    if (q && !a.name.toLowerCase().includes(q) && !(a.externalId ?? "").toLowerCase().includes(q)) return false;
    if (query.status === "deleting" ? !a.deleteAfter : query.status && (a.status !== query.status || a.deleteAfter)) return false;
    if (query.mode && a.balanceMode !== query.mode) return false;
    return true;
  });
  const sort = query.sort ?? "newest";
  const cmpBig = (x: bigint, y: bigint) => (x > y ? -1 : x < y ? 1 : 0);
  rows = rows.sort((a, b) => {
    if (sort === "spend") return cmpBig(a.totalSpent, b.totalSpent) || b.seq - a.seq;
    if (sort === "use") return (limitUseBps(b) ?? -1) - (limitUseBps(a) ?? -1) || b.seq - a.seq;
    if (sort === "name") return a.name.localeCompare(b.name) || b.seq - a.seq;
    return b.seq - a.seq;
  });
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const items = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((a) => ({
    account: a,
    use: limitUseBps(a),
    available: subAccountAvailable(a, primary),
    status: statusLabel(a, primary),
  }));
  return { items, total: rows.length, teamTotal: all.length, page, pages, currency: team.currency };
}
