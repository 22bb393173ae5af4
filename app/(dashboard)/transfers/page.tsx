import type { Metadata } from "next";
import Link from "next/link";
import { format } from "date-fns";
import { getDb } from "@/db/client";
import { allSubAccounts } from "@/lib/accounts/list-sub-accounts";
import { getAccount } from "@/lib/accounts/get-account";
import { requirePageRole, TEAM_ROLES } from "@/lib/auth/session";
import { readTransferFilter, TRANSFER_KINDS, transferQueryString, type TransferSearch } from "@/lib/dashboard/transfer-filter";
import { Invalid } from "@/lib/errors";
import { loadTeam } from "@/lib/ledger/post-movements";
import { formatMoney } from "@/lib/money";
import { listTransfers } from "@/lib/transfers/list-transfers";
import { PageHeader } from "@/components/dashboard/page-header";
import { TransferKind } from "@/components/transfers/transfer-kind";
import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Transfers · Subledger" };

export default async function TransfersPage({ searchParams }: { searchParams: Promise<TransferSearch> }) {
  const user = await requirePageRole(TEAM_ROLES);
  const sp = await searchParams;
  const db = await getDb();
  const team = await loadTeam(db, user.teamId);
  const [primary, subs] = await Promise.all([getAccount(db, user.teamId, team.primaryAccountId), allSubAccounts(db, user.teamId)]);
  const names = new Map([[primary.id, `${primary.name} (primary)`], ...subs.map((s) => [s.id, s.name] as [string, string])]);
  const page = await listTransfers(db, user.teamId, { ...readTransferFilter(sp), limit: 25, cursor: sp.cursor || null }).catch((e) => {
    if (e instanceof Invalid) return { items: [], nextCursor: null };
    throw e;
  });
  const qs = transferQueryString(sp);
  const filtered = qs.length > 0;
  const m = (v: bigint) => formatMoney(v, team.currency);
  const name = (id: string | null) => (id ? names.get(id) ?? id : "—");

  return (
    <>
      <PageHeader
        title="Transfers"
        description="Credit and balance transfers between the primary and its sub-accounts, and payments received."
        actions={
          <a href={`/transfers/export${qs ? `?${qs}` : ""}`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        }
      />
      <form method="get" aria-label="Filter transfers" className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-5 md:items-end">
        <SelectField label="Type" name="type" defaultValue={sp.type ?? ""}>
          <option value="">All types</option>
          {TRANSFER_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Sub-account" name="account" defaultValue={sp.account ?? ""}>
          <option value="">Any account</option>
          <option value={primary.id}>{primary.name} (primary)</option>
          {subs.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <TextField label="From" name="from" type="date" defaultValue={sp.from} />
        <TextField label="To" name="to" type="date" defaultValue={sp.to} />
        <div className="col-span-2 flex gap-2 md:col-span-1">
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          {filtered && (
            <Link href="/transfers" className="inline-flex h-10 items-center px-2 text-sm text-slate-600 hover:underline">
              Clear
            </Link>
          )}
        </div>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={filtered ? "No transfers match these filters" : "No transfers yet"}>
          {filtered ? "Widen the dates or clear the filters." : "Payments and transfers made from the dashboard or the API appear here."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[640px] text-sm">
            <caption className="sr-only">Transfers</caption>
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2.5">When</th>
                <th scope="col" className="px-4 py-2.5">Type</th>
                <th scope="col" className="px-4 py-2.5">From</th>
                <th scope="col" className="px-4 py-2.5">To</th>
                <th scope="col" className="px-4 py-2.5">Reference</th>
                <th scope="col" className="px-4 py-2.5 text-right">Amount</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((t) => (
                <tr key={String(t.id)}>
                  <td className="whitespace-nowrap px-4 py-2.5">{format(t.createdAt, "MMM d, yyyy HH:mm")}</td>
                  <td className="px-4 py-2.5">
                    <TransferKind kind={t.kind} />
                  </td>
                  <td className="px-4 py-2.5">{t.kind === "top_up" ? "Payment received" : name(t.accountId)}</td>
                  <td className="px-4 py-2.5">{t.kind === "top_up" ? name(t.accountId) : name(t.counterpartyId)}</td>
                  <td className="px-4 py-2.5 text-slate-600">{t.reference ?? "—"}</td>
                  <td className="px-4 py-2.5 text-right font-medium tabular-nums">{m(t.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        basePath="/transfers"
        params={{ type: sp.type, account: sp.account, from: sp.from, to: sp.to }}
        prev={sp.cursor ? { cursor: undefined } : null}
        prevLabel="← First page"
        next={page.nextCursor ? { cursor: page.nextCursor } : null}
      />
    </>
  );
}
