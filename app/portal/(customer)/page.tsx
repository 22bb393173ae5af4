import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { UtilisationBar } from "@/components/ui/utilisation-bar";
import { getDb } from "@/db/client";
import { formatMoney } from "@/lib/money";
import { requireCustomerPage } from "@/lib/portal/customer-scope";
import { loadPortalBranding, loadPortalOverview } from "@/lib/portal/load-portal-overview";
import { PortalSpendChart } from "../_components/portal-spend-chart";

export default async function PortalOverviewPage() {
  const c = await requireCustomerPage();
  const db = await getDb();
  const [brand, o] = await Promise.all([loadPortalBranding(db, c.teamId), loadPortalOverview(db, c)]);
  const m = (v: bigint) => formatMoney(v, brand.currency);
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="account-name">
          {o.account.name}
        </h1>
        <Badge tone={o.account.status}>{o.account.status}</Badge>
      </div>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {o.teamFunded ? (
          <Stat label="Balance" value="Team-funded" sub="Your provider's balance pays for your usage" testId="portal-balance" />
        ) : (
          <Stat label="Balance" value={m(o.balance!)} tone={o.balance! < 0n ? "bad" : undefined} testId="portal-balance" />
        )}
        <Stat label="Credit limit" value={o.creditLimit === null ? "No limit" : m(o.creditLimit)} testId="portal-credit-limit" />
        <Stat label="Spent" value={m(o.totalSpent)} testId="portal-spent" />
        <Stat label="Still available" value={o.remaining === null ? "—" : m(o.remaining)} testId="portal-available" />
      </dl>
      <Card title="Use of your limit">
        <UtilisationBar bps={o.usePercent === null ? null : Math.round(o.usePercent * 100)} label="Use of the credit limit" />
      </Card>
      <Card title="Spend per day, last 30 days">
        <PortalSpendChart data={o.spendByDay.map((d) => ({ period: d.period, amount: Number(d.amount) }))} currency={brand.currency} accent={brand.accent} />
      </Card>
      <Card title="Your numbers">
        {o.numbers.length === 0 ? (
          <EmptyState title="No numbers yet" />
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2" aria-label="Numbers">
            {o.numbers.map((n) => (
              <li key={n.id} className="flex items-center justify-between rounded-md border border-slate-200 px-3 py-2 text-sm">
                <span className="font-mono">+{n.number}</span>
                <Badge>{n.country}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
