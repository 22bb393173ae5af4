// Everything the overview page shows, read in one place: balances, month-on-month spend, the spend chart
// stacked by the top sub-accounts, the sub-accounts nearest their limits, and recent transfers.
import { startOfMonth, subDays, subMonths } from "date-fns";
import type { Db } from "@/db/client";
import { allSubAccounts } from "@/lib/accounts/list-sub-accounts";
import { getAccount } from "@/lib/accounts/get-account";
import { limitUseBps } from "@/lib/ledger/alert-crossings";
import { loadTeam } from "@/lib/ledger/post-movements";
import { chargeAvailable } from "@/lib/ledger/rules";
import { spendReport } from "@/lib/reports/spend-report";
import { listTransfers } from "@/lib/transfers/list-transfers";
import { subAccountAvailable } from "./sub-account-view";

export const CHART_RANGES = [7, 30, 90] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
const TOP_SERIES = 5;

function utcMidnight(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export async function loadOverview(db: Db, teamId: string, rangeDays: ChartRange, now = new Date()) {
  const team = await loadTeam(db, teamId);
  const [primary, subs] = await Promise.all([getAccount(db, teamId, team.primaryAccountId), allSubAccounts(db, teamId)]);
  const names = new Map<string, string>([[primary.id, `${primary.name} (primary)`], ...subs.map((s) => [s.id, s.name] as [string, string])]);

  // months in UTC, like the spend report's buckets
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const monthly = await spendReport(db, teamId, { from: lastMonth, to: new Date(now.getTime() + 1), granularity: "month" });
  const spendLastMonth = monthly.find((m) => m.period === lastMonth.toISOString().slice(0, 10))?.total ?? 0n;
  const spendThisMonth = monthly.find((m) => m.period === thisMonth.toISOString().slice(0, 10))?.total ?? 0n;

  const to = new Date(utcMidnight(now).getTime() + 86_400_000);
  const from = subDays(to, rangeDays);
  const daily = await spendReport(db, teamId, { from, to, granularity: "day" });
  const totals = new Map<string, bigint>();
  for (const d of daily) for (const [id, v] of Object.entries(d.byAccount)) totals.set(id, (totals.get(id) ?? 0n) + v);
  const top = [...totals].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0)).slice(0, TOP_SERIES).map(([id]) => id);
  const hasOther = totals.size > top.length;
  const series = [...top.map((id) => ({ key: id, name: names.get(id) ?? id })), ...(hasOther ? [{ key: "other", name: "Everything else" }] : [])];
  const chart = daily.map((d) => {
    const row: Record<string, string | number> = { period: d.period };
    let other = 0n;
    for (const [id, v] of Object.entries(d.byAccount)) {
      if (top.includes(id)) row[id] = Number(v);
      else other += v;
    }
    for (const id of top) row[id] ??= 0;
    if (hasOther) row.other = Number(other);
    return row;
  });

  const nearest = subs
    .filter((s) => s.status !== "deactivated")
    .map((s) => ({ account: s, use: limitUseBps(s), available: subAccountAvailable(s, primary) }))
    .filter((x) => x.use !== null)
    .sort((a, b) => b.use! - a.use!)
    .slice(0, 5);

  const recent = await listTransfers(db, teamId, { limit: 8 });

  return {
    team,
    primary,
    available: chargeAvailable(primary, undefined),
    subCount: subs.length,
    activeCount: subs.filter((s) => s.status === "active").length,
    spendThisMonth,
    spendLastMonth,
    chart,
    series,
    nearest,
    recent: recent.items.map((t) => ({ ...t, fromName: names.get(t.accountId) ?? t.accountId, toName: t.counterpartyId ? names.get(t.counterpartyId) ?? t.counterpartyId : null })),
    names,
    monthLabels: { thisMonth: startOfMonth(now), lastMonth: subMonths(startOfMonth(now), 1) },
  };
}
