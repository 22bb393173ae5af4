// What a customer sees on the portal's first page: their sub-account's money, its use of the limit, spend per
// day, and its numbers. Nothing of the team beyond its portal branding: a shared sub-account shows that the
// team funds it, never the primary's balance.
import { subDays } from "date-fns";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teams } from "@/db/schema";
import { getSubAccount } from "@/lib/accounts/get-account";
import { limitUseBps } from "@/lib/ledger/alert-crossings";
import { maxBig } from "@/lib/money";
import { listNumbers } from "@/lib/numbers/list-numbers";
import { spendReport } from "@/lib/reports/spend-report";
import { NotFound } from "@/lib/errors";

export type PortalScope = { teamId: string; accountId: string };

export async function loadPortalBranding(db: Db, teamId: string) {
  const [t] = await db.select({ name: teams.name, currency: teams.currency, portalName: teams.portalName, portalAccent: teams.portalAccent }).from(teams).where(eq(teams.id, teamId));
  if (!t) throw new NotFound("Team");
  return { title: t.portalName || `${t.name} customer portal`, accent: t.portalAccent ?? "#4f46e5", currency: t.currency, portalName: t.portalName, portalAccent: t.portalAccent };
}

export async function loadPortalOverview(db: Db, scope: PortalScope, opts: { days?: number; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const days = opts.days ?? 30;
  const account = await getSubAccount(db, scope.teamId, scope.accountId);
  const shared = account.balanceMode === "shared";
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = subDays(to, days);
  const [spend, numbers] = await Promise.all([
    spendReport(db, scope.teamId, { from, to, granularity: "day", accountId: account.id }),
    listNumbers(db, scope.teamId, { accountId: account.id, limit: 100 }),
  ]);
  const use = limitUseBps(account);
  return {
    account: { id: account.id, name: account.name, status: account.status, balanceMode: account.balanceMode, customerKeysAllowed: account.customerKeysAllowed },
    teamFunded: shared,
    balance: shared ? null : account.balance,
    creditLimit: account.creditLimit,
    totalSpent: account.totalSpent,
    // what the limit still allows: own balance + credit, or a shared cap less spend (null: no cap of its own)
    remaining: shared ? (account.creditLimit === null ? null : maxBig(0n, account.creditLimit - account.totalSpent)) : maxBig(0n, account.balance + (account.creditLimit ?? 0n)),
    usePercent: use === null ? null : use / 100,
    spendByDay: spend.map((p) => ({ period: p.period, amount: p.total })),
    numbers: numbers.items.map((n) => ({ id: n.id, number: n.number, country: n.country })),
  };
}
