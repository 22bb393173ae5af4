import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { getAccount } from "@/lib/accounts/get-account";
import { canEdit, requirePageRole, TEAM_ROLES } from "@/lib/auth/session";
import { listSubAccountRows, SUB_ACCOUNT_SORTS, type SubAccountQuery } from "@/lib/dashboard/list-sub-account-rows";
import { loadTeam } from "@/lib/ledger/post-movements";
import { creditTransferable } from "@/lib/ledger/rules";
import { formatMoney } from "@/lib/money";
import { PageHeader } from "@/components/dashboard/page-header";
import { NewSubAccountDialog } from "@/components/sub-accounts/new-sub-account-dialog";
import { StatusBadge } from "@/components/sub-accounts/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { UtilisationBar } from "@/components/ui/utilisation-bar";
import { createSubAccountAction } from "./actions";

export const metadata: Metadata = { title: "Sub-accounts · Subledger" };

type Search = { q?: string; status?: string; mode?: string; sort?: string; page?: string };

export default async function SubAccountsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePageRole(TEAM_ROLES);
  const sp = await searchParams;
  const query: SubAccountQuery = {
    q: sp.q || undefined,
    status: ["active", "suspended", "deactivated", "deleting"].includes(sp.status ?? "") ? (sp.status as SubAccountQuery["status"]) : undefined,
    mode: sp.mode === "own" || sp.mode === "shared" ? sp.mode : undefined,
    sort: (SUB_ACCOUNT_SORTS as readonly string[]).includes(sp.sort ?? "") ? (sp.sort as SubAccountQuery["sort"]) : "newest",
    page: Math.max(1, Number(sp.page) || 1),
  };
  const db = await getDb();
  const [result, team] = await Promise.all([listSubAccountRows(db, user.teamId, query), loadTeam(db, user.teamId)]);
  const primary = await getAccount(db, user.teamId, team.primaryAccountId);
  const cur = result.currency;
  const m = (v: bigint) => formatMoney(v, cur);
  const keep = { q: query.q, status: query.status, mode: query.mode, sort: query.sort === "newest" ? undefined : query.sort };
  const filtered = Boolean(query.q || query.status || query.mode);

  return (
    <>
      <PageHeader
        title="Sub-accounts"
        description={`${result.teamTotal} in total${filtered ? `, ${result.total} matching` : ""}`}
        actions={canEdit(user) && <NewSubAccountDialog action={createSubAccountAction} currency={cur} primaryCreditAvailable={m(creditTransferable(primary))} />}
      />
      <form method="get" role="search" aria-label="Filter sub-accounts" className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-4 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        <div className="col-span-2 sm:col-span-4 lg:col-span-1">
          <TextField label="Search" name="q" type="search" defaultValue={query.q} placeholder="Name or external ID" />
        </div>
        <SelectField label="Status" name="status" defaultValue={query.status ?? ""}>
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="suspended">Suspended</option>
          <option value="deactivated">Deactivated</option>
          <option value="deleting">Scheduled for deletion</option>
        </SelectField>
        <SelectField label="Balance" name="mode" defaultValue={query.mode ?? ""}>
          <option value="">Any balance</option>
          <option value="shared">Shared</option>
          <option value="own">Own</option>
        </SelectField>
        <SelectField label="Sort by" name="sort" defaultValue={query.sort}>
          <option value="newest">Newest</option>
          <option value="spend">Spend</option>
          <option value="use">Use of limit</option>
          <option value="name">Name</option>
        </SelectField>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply
          </Button>
          {filtered && (
            <Link href="/sub-accounts" className="inline-flex h-10 items-center px-2 text-sm text-slate-600 hover:underline">
              Clear
            </Link>
          )}
        </div>
      </form>

      {result.items.length === 0 ? (
        <EmptyState title={filtered ? "No sub-account matches these filters" : "No sub-accounts yet"}>
          {filtered ? "Try another search or clear the filters." : canEdit(user) ? "Create the first one with “New sub-account”." : "An owner or admin can create them."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[720px] text-sm">
            <caption className="sr-only">Sub-accounts</caption>
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2.5">Name</th>
                <th scope="col" className="px-4 py-2.5">Status</th>
                <th scope="col" className="px-4 py-2.5">Balance</th>
                <th scope="col" className="px-4 py-2.5 text-right">Spent</th>
                <th scope="col" className="px-4 py-2.5 text-right">Available</th>
                <th scope="col" className="px-4 py-2.5">Use of limit</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map(({ account: a, use, available, status }) => (
                <tr key={a.id} className="hover:bg-slate-50">
                  <td className="px-4 py-2.5">
                    <Link href={`/sub-accounts/${a.id}`} className="font-medium text-slate-900 hover:underline">
                      {a.name}
                    </Link>
                    {a.externalId && <p className="text-xs text-slate-500">{a.externalId}</p>}
                  </td>
                  <td className="px-4 py-2.5">
                    <StatusBadge status={status} />
                  </td>
                  <td className="px-4 py-2.5">
                    {a.balanceMode === "own" ? (
                      <span className="tabular-nums">{m(a.balance)}</span>
                    ) : (
                      <Badge tone="neutral">Shared</Badge>
                    )}
                  </td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{m(a.totalSpent)}</td>
                  <td className="px-4 py-2.5 text-right tabular-nums">{m(available)}</td>
                  <td className="px-4 py-2.5">
                    <UtilisationBar bps={use} label={`${a.name} use of limit`} />
                    {a.creditLimit !== null && <p className="mt-0.5 text-xs text-slate-500">of {m(a.creditLimit)}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex items-center justify-between">
        {result.pages > 1 && <p className="pt-3 text-sm text-slate-500">Page {result.page} of {result.pages}</p>}
        <Pagination
          basePath="/sub-accounts"
          params={keep}
          prev={result.page > 1 ? { page: String(result.page - 1) } : null}
          next={result.page < result.pages ? { page: String(result.page + 1) } : null}
        />
      </div>
    </>
  );
}
