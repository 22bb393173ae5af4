import type { Metadata } from "next";
import Link from "next/link";
import { format } from "date-fns";
import { getDb } from "@/db/client";
import { canEdit, requirePageRole, TEAM_ROLES } from "@/lib/auth/session";
import { CHART_RANGES, loadOverview, type ChartRange } from "@/lib/dashboard/load-overview";
import { formatMoney } from "@/lib/money";
import { SpendChart } from "@/components/charts/spend-chart";
import { PageHeader } from "@/components/dashboard/page-header";
import { TopUpForm } from "@/components/dashboard/top-up-form";
import { TransferKind } from "@/components/transfers/transfer-kind";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { UtilisationBar } from "@/components/ui/utilisation-bar";
import { buttonClass } from "@/components/ui/button";
import { NotificationsPanel } from "@/components/notifications-panel";
import { listNotifications } from "@/lib/alerts/list-notifications";
import { recordPaymentAction } from "./actions";

export const metadata: Metadata = { title: "Overview · Subledger" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const user = await requirePageRole(TEAM_ROLES);
  const { range: rawRange } = await searchParams;
  const range = (CHART_RANGES as readonly number[]).includes(Number(rawRange)) ? (Number(rawRange) as ChartRange) : 30;
  const db = await getDb();
  const [o, notifications] = await Promise.all([loadOverview(db, user.teamId, range), listNotifications(db, user.teamId, { limit: 8 })]);
  const cur = o.team.currency;
  const m = (v: bigint) => formatMoney(v, cur);

  return (
    <>
      <PageHeader title="Overview" description={`${o.team.name} · ${o.subCount} sub-accounts, ${o.activeCount} active`} />
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Team balance" value={m(o.primary.balance)} tone={o.primary.balance < 0n ? "bad" : undefined} testId="team-balance" sub="Primary account; negative is postpaid use" />
        <Stat label="Credit limit" value={m(o.primary.creditLimit ?? 0n)} testId="team-credit" sub="Of the primary, after credit given to sub-accounts" />
        <Stat label="Available to spend" value={m(o.available)} tone={o.available === 0n ? "bad" : "good"} testId="team-available" sub="Balance plus credit limit" />
        <Stat
          label={`Spend in ${format(o.monthLabels.thisMonth, "MMMM")} so far`}
          value={m(o.spendThisMonth)}
          testId="spend-this-month"
          sub={`${format(o.monthLabels.lastMonth, "MMMM")} in full: ${m(o.spendLastMonth)}`}
        />
      </dl>

      <Card
        className="mt-6"
        title="Spend over time"
        action={
          <nav aria-label="Chart range" className="flex gap-1">
            {CHART_RANGES.map((r) => (
              <Link key={r} href={`/overview?range=${r}`} aria-current={r === range ? "true" : undefined} className={buttonClass(r === range ? "primary" : "secondary", "sm")} scroll={false}>
                {r} days
              </Link>
            ))}
          </nav>
        }
      >
        <SpendChart data={o.chart} series={o.series} currency={cur} label={`Spend per day over the last ${range} days, stacked by sub-account`} />
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Nearest their limits" action={<Link href="/sub-accounts?sort=use" className="text-sm font-medium text-indigo-700 hover:underline">All by use</Link>}>
          {o.nearest.length === 0 ? (
            <EmptyState title="No sub-account has a limit yet">Give a sub-account a credit limit to see it here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {o.nearest.map(({ account, use, available }) => (
                <li key={account.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2.5">
                  <div className="min-w-0">
                    <Link href={`/sub-accounts/${account.id}`} className="font-medium text-slate-900 hover:underline">
                      {account.name}
                    </Link>
                    <p className="text-xs text-slate-500">
                      {m(available)} available of {m(account.creditLimit ?? 0n)}
                    </p>
                  </div>
                  <div className="w-40">
                    <UtilisationBar bps={use} label={`${account.name} use of limit`} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title="Recent transfers" action={<Link href="/transfers" className="text-sm font-medium text-indigo-700 hover:underline">All transfers</Link>}>
          {o.recent.length === 0 ? (
            <EmptyState title="No transfers or payments yet" />
          ) : (
            <ul className="divide-y divide-slate-100">
              {o.recent.map((t) => (
                <li key={String(t.id)} className="flex items-center justify-between gap-3 py-2.5 text-sm">
                  <div className="min-w-0">
                    <p className="flex items-center gap-2">
                      <TransferKind kind={t.kind} />
                      <span className="min-w-0 truncate text-slate-700">{t.kind === "top_up" ? t.reference || "Payment received" : `${t.fromName} → ${t.toName}`}</span>
                    </p>
                    <p className="text-xs text-slate-500">{format(t.createdAt, "MMM d, HH:mm")}</p>
                  </div>
                  <span className="shrink-0 font-medium tabular-nums">{m(t.amount)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <div className="mt-6">
        <NotificationsPanel items={notifications.items} />
      </div>

      {canEdit(user) && (
        <Card className="mt-6" title="Record a payment">
          <p className="mb-3 text-sm text-slate-500">A payment received against your invoice raises the primary account’s balance.</p>
          <TopUpForm action={recordPaymentAction} currency={cur} />
        </Card>
      )}
    </>
  );
}
