import { format } from "date-fns";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { formatMoney } from "@/lib/money";
import { customerChargesRange, listCustomerCharges } from "@/lib/portal/customer-charges";
import { requireCustomerPage } from "@/lib/portal/customer-scope";

type Search = { from?: string; to?: string; cursor?: string };

export default async function PortalChargesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const c = await requireCustomerPage();
  const sp = await searchParams;
  const range = customerChargesRange(sp);
  const db = await getDb();
  const page = range.ok ? await listCustomerCharges(db, c, { ...range.value, cursor: sp.cursor }) : { items: [], nextCursor: null };
  const filters = { from: sp.from || undefined, to: sp.to || undefined };
  const exportHref = `/portal/charges/export?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][])}`;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Charges</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter charges">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">From</span>
          <input type="date" name="from" defaultValue={sp.from} className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">To</span>
          <input type="date" name="to" defaultValue={sp.to} className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        <a href={exportHref} className={buttonClass("secondary")} download>
          Export CSV
        </a>
      </form>
      {!range.ok && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {range.error}
        </p>
      )}
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title="No charges in this period" />
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="py-2 font-medium">Date</th>
                <th className="py-2 font-medium">Description</th>
                <th className="py-2 text-right font-medium">Amount</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((t) => (
                <tr key={String(t.id)} className="border-b border-slate-100">
                  <td className="py-2 tabular-nums text-slate-600">{format(t.createdAt, "MMM d, yyyy HH:mm")}</td>
                  <td className="py-2">{t.description ?? "—"}</td>
                  <td className="py-2 text-right tabular-nums">{formatMoney(t.amount, c.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination basePath="/portal/charges" params={filters} prev={sp.cursor ? { cursor: undefined } : null} next={page.nextCursor ? { cursor: page.nextCursor } : null} prevLabel="← First page" />
      </Card>
    </>
  );
}
