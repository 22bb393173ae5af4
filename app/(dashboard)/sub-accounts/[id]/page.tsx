import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { format, subDays } from "date-fns";
import { getDb } from "@/db/client";
import { getAccount, getSubAccount } from "@/lib/accounts/get-account";
import { DELETION_GRACE_DAYS, deletionDateIfScheduledNow } from "@/lib/accounts/delete-sub-account";
import { canEdit, requirePageRole, TEAM_ROLES } from "@/lib/auth/session";
import { statusLabel, subAccountAvailable } from "@/lib/dashboard/sub-account-view";
import { listCharges } from "@/lib/charges/list-charges";
import { NotFound } from "@/lib/errors";
import { listApiKeys } from "@/lib/keys/list-api-keys";
import { limitUseBps } from "@/lib/ledger/alert-crossings";
import { loadTeam } from "@/lib/ledger/post-movements";
import { balanceTransferable, creditTransferable } from "@/lib/ledger/rules";
import { formatMoney, maxBig } from "@/lib/money";
import { spendReport } from "@/lib/reports/spend-report";
import { SpendChart } from "@/components/charts/spend-chart";
import { PageHeader } from "@/components/dashboard/page-header";
import { ApiKeysPanel } from "@/components/sub-accounts/api-keys-panel";
import { InviteCustomerForm } from "@/components/portal/invite-customer-form";
import { inviteCustomerAction } from "@/lib/portal/invite-customer-action";
import { ConfirmAction } from "@/components/sub-accounts/confirm-action";
import { CreditLimitEditor } from "@/components/sub-accounts/credit-limit-editor";
import { DetailsForm } from "@/components/sub-accounts/details-form";
import { StatusBadge } from "@/components/sub-accounts/status-badge";
import { TransferForm } from "@/components/sub-accounts/transfer-form";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { UtilisationBar } from "@/components/ui/utilisation-bar";
import {
  createKeyAction,
  deactivateAction,
  restoreAction,
  revokeKeyAction,
  scheduleDeletionAction,
  setCreditLimitAction,
  setStatusAction,
  switchToOwnBalanceAction,
  transferAction,
  updateDetailsAction,
} from "../actions";

export const metadata: Metadata = { title: "Sub-account · Subledger" };

export default async function SubAccountPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ charges?: string }> }) {
  const user = await requirePageRole(TEAM_ROLES);
  const { id } = await params;
  const { charges: chargesCursor } = await searchParams;
  const db = await getDb();
  const team = await loadTeam(db, user.teamId);
  const sub = await getSubAccount(db, user.teamId, id).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const primary = await getAccount(db, user.teamId, team.primaryAccountId);
  const now = new Date();
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const [charges, keys, daily] = await Promise.all([
    listCharges(db, user.teamId, { accountId: id, limit: 20, cursor: chargesCursor || null }),
    listApiKeys(db, user.teamId, id),
    spendReport(db, user.teamId, { from: subDays(to, 30), to, granularity: "day", accountId: id }),
  ]);
  const cur = team.currency;
  const m = (v: bigint) => formatMoney(v, cur);
  const editor = canEdit(user);
  const status = statusLabel(sub, primary);
  const available = subAccountAvailable(sub, primary);
  const use = limitUseBps(sub);
  const own = sub.balanceMode === "own";
  const live = sub.status !== "deactivated" && !sub.deleteAfter;
  const chart = daily.map((d) => ({ period: d.period, spend: Number(d.total) }));

  // What the credit-limit editor may set, per the rules: own accounts move credit to/from the primary.
  const limitNow = sub.creditLimit ?? 0n;
  const limitMin = own ? maxBig(0n, -sub.balance) : sub.totalSpent;
  const limitMax = own ? limitNow + creditTransferable(primary) : null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/sub-accounts" className="text-indigo-700 hover:underline">
          ← Sub-accounts
        </Link>
      </nav>
      <PageHeader
        title={<span data-testid="sub-account-name">{sub.name}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={status} />
            <span>{own ? "Own balance" : "Shared balance (draws from the primary)"}</span>
            {sub.externalId && <span>· {sub.externalId}</span>}
            <span className="font-mono text-xs">· {sub.id}</span>
          </span>
        }
        actions={
          editor &&
          !sub.deleteAfter &&
          (sub.status === "active" ? (
            <ConfirmAction action={setStatusAction.bind(null, id, "suspended")} label="Suspend" title={`Suspend ${sub.name}?`} confirmLabel="Suspend">
              <p>Nothing can be charged to a suspended sub-account. Its keys keep working for reads. You can reactivate it at any time.</p>
            </ConfirmAction>
          ) : (
            <ConfirmAction action={setStatusAction.bind(null, id, "active")} label="Reactivate" title={`Reactivate ${sub.name}?`} confirmLabel="Reactivate" variant="primary">
              <p>It can be charged again{sub.status === "deactivated" ? "; its old keys stay revoked, so issue a new key" : ""}.</p>
            </ConfirmAction>
          ))
        }
      />

      {sub.deleteAfter && (
        <div role="status" className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p>
            Scheduled for deletion on <strong>{format(sub.deleteAfter, "MMMM d, yyyy 'at' HH:mm")}</strong>. Until then it can be restored; after that its
            personal data and keys are purged (its ledger history stays).
          </p>
          {editor && (
            <ConfirmAction action={restoreAction.bind(null, id)} label="Restore" title={`Restore ${sub.name}?`} confirmLabel="Restore" variant="primary">
              <p>Cancels the deletion. The sub-account stays deactivated until you reactivate it.</p>
            </ConfirmAction>
          )}
        </div>
      )}

      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat
          label={own ? "Balance" : "Balance (primary’s)"}
          value={m(own ? sub.balance : primary.balance)}
          tone={(own ? sub.balance : primary.balance) < 0n ? "bad" : undefined}
          testId="sub-balance"
        />
        <Stat label="Spent" value={m(sub.totalSpent)} testId="sub-spent" />
        <Stat label="Available to spend" value={m(available)} tone={available === 0n ? "bad" : "good"} testId="sub-available" sub={available === 0n && sub.status === "active" ? "Blocked: the next charge will be refused" : undefined} />
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Use of limit</dt>
          <dd className="mt-3" data-testid="sub-use">
            <UtilisationBar bps={use} label="Use of limit" />
          </dd>
        </div>
      </dl>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title={own ? "Credit limit" : "Spending cap"} className="lg:col-span-1">
          <CreditLimitEditor
            action={setCreditLimitAction.bind(null, id)}
            currency={cur}
            current={own ? String(limitNow) : sub.creditLimit === null ? null : String(sub.creditLimit)}
            min={String(limitMin)}
            max={limitMax === null ? null : String(limitMax)}
            allowEmpty={!own}
            canEdit={editor && live}
          />
          <p className="mt-3 text-xs text-slate-500">
            {own
              ? "Credit comes from the primary account: raising it is a credit transfer from the primary, lowering it gives credit back."
              : "A shared sub-account may spend until its cap, and only while the primary has funds."}
          </p>
          {editor && !own && live && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <ConfirmAction action={switchToOwnBalanceAction.bind(null, id)} label="Switch to own balance" title="Switch to its own balance?" confirmLabel="Switch">
                <p>It will have its own balance, starting at zero with no credit: give it credit afterwards. This cannot be undone — own-balance accounts cannot go back to shared.</p>
              </ConfirmAction>
            </div>
          )}
        </Card>
        <Card title="Spend per day, last 30 days" className="lg:col-span-2">
          <SpendChart data={chart} series={[{ key: "spend", name: sub.name }]} currency={cur} height={220} label={`Spend per day of ${sub.name}`} />
        </Card>
      </div>

      {own && live && editor && (
        <Card className="mt-6" title="Transfers with the primary account">
          <div className="grid gap-4 md:grid-cols-2">
            {(
              [
                ["give-credit", "credit", "to", "Give credit", "Primary → this sub-account: raises its credit limit.", creditTransferable(primary), "the primary must keep enough credit to cover its own debt"],
                ["take-credit", "credit", "from", "Take credit back", "This sub-account → primary: lowers its credit limit.", creditTransferable(sub), "this sub-account must keep enough credit to cover its own debt"],
                ["give-balance", "balance", "to", "Move balance in", "Primary → this sub-account: pays down its debt or adds funds.", balanceTransferable(primary), "the primary may not go past its credit limit"],
                ["take-balance", "balance", "from", "Move balance back", "This sub-account → primary.", balanceTransferable(sub), "this sub-account may not go past its credit limit"],
              ] as const
            ).map(([testId, kind, direction, title, description, available, rule]) => (
              <TransferForm
                key={testId}
                testId={testId}
                action={transferAction.bind(null, id, kind, direction)}
                title={title}
                description={description}
                available={String(available)}
                currency={cur}
                rule={rule}
              />
            ))}
          </div>
        </Card>
      )}

      <Card className="mt-6" title="Charges">
        {charges.items.length === 0 ? (
          <EmptyState title="No charges yet">Usage recorded through the API appears here within seconds.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[520px] text-sm">
              <caption className="sr-only">Charges of {sub.name}</caption>
              <thead className="text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4">When</th>
                  <th scope="col" className="py-2 pr-4">Description</th>
                  <th scope="col" className="py-2 pr-4">Idempotency key</th>
                  <th scope="col" className="py-2 text-right">Amount</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {charges.items.map((c) => (
                  <tr key={String(c.id)}>
                    <td className="py-2 pr-4 whitespace-nowrap">{format(c.createdAt, "MMM d, HH:mm:ss")}</td>
                    <td className="py-2 pr-4">{c.description ?? <span className="text-slate-400">—</span>}</td>
                    <td className="py-2 pr-4 font-mono text-xs">{c.idempotencyKey ?? <span className="text-slate-400">—</span>}</td>
                    <td className="py-2 text-right tabular-nums">{m(c.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath={`/sub-accounts/${id}`} params={{}} prev={chargesCursor ? { charges: undefined } : null} prevLabel="← Newest" next={charges.nextCursor ? { charges: charges.nextCursor } : null} />
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="API keys">
          <ApiKeysPanel
            keys={keys.items.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, environment: k.environment, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt, revoke: revokeKeyAction.bind(null, id, k.id) }))}
            create={createKeyAction.bind(null, id)}
            canEdit={editor}
            canCreate={live}
          />
        </Card>
        <Card title="Details">
          <DetailsForm action={updateDetailsAction.bind(null, id)} name={sub.name} externalId={sub.externalId} metadata={JSON.stringify(sub.metadata, null, 2)} canEdit={editor && !sub.deleteAfter} />
        </Card>
        {editor && live && (
          <Card title="Customer portal">
            <InviteCustomerForm action={inviteCustomerAction.bind(null, id)} />
          </Card>
        )}
      </div>

      {editor && !sub.deleteAfter && (
        <Card className="mt-6 border-red-200" title="Danger zone">
          <div className="space-y-4">
            {sub.status !== "deactivated" && (
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p className="max-w-prose text-sm text-slate-600">
                  <strong className="text-slate-900">Deactivate.</strong> Revokes every key{own ? " and returns a positive balance to the primary" : ""}. Reversible by reactivating and issuing new keys.
                </p>
                <ConfirmAction action={deactivateAction.bind(null, id)} label="Deactivate" title={`Deactivate ${sub.name}?`} confirmLabel="Deactivate" typeName={sub.name} variant="danger">
                  <p>Every API key of this sub-account is revoked at once{own && sub.balance > 0n ? ` and its balance of ${m(sub.balance)} goes back to the primary` : ""}.</p>
                </ConfirmAction>
              </div>
            )}
            <div className="flex flex-wrap items-center justify-between gap-3">
              <p className="max-w-prose text-sm text-slate-600">
                <strong className="text-slate-900">Delete.</strong> Deactivates it now and deletes it after a {DELETION_GRACE_DAYS}-day grace period, during which you can restore it.
              </p>
              <ConfirmAction action={scheduleDeletionAction.bind(null, id)} label="Delete" title={`Delete ${sub.name}?`} confirmLabel="Schedule deletion" typeName={sub.name} variant="danger">
                <p>
                  It is deactivated now and deleted on {format(deletionDateIfScheduledNow(), "MMMM d, yyyy")}. Until then you can restore it. Its ledger history is kept so the
                  books still add up.
                </p>
              </ConfirmAction>
            </div>
          </div>
        </Card>
      )}
    </>
  );
}
