// Wire shapes of the Vonage dialect (snake_case, major units). Credit limits are written as Vonage does:
// zero or negative, 100 of credit being -100. A shared-balance sub-account has neither of its own: null.
import type { Account, LedgerTransaction } from "@/lib/ledger/types";
import { major, type Decimal } from "./json";

function creditOnWire(limit: bigint | null, currency: string): Decimal {
  return major(-(limit ?? 0n), currency);
}

export function primaryAccountJson(a: Account, currency: string) {
  return {
    api_key: a.id,
    name: a.name,
    balance: major(a.balance, currency),
    credit_limit: creditOnWire(a.creditLimit, currency),
    suspended: a.status !== "active",
    created_at: a.createdAt.toISOString(),
  };
}

export function subAccountJson(a: Account, currency: string, extra: { secret?: string } = {}) {
  const own = a.balanceMode === "own";
  return {
    api_key: a.id,
    ...extra,
    primary_account_api_key: a.parentId,
    use_primary_account_balance: !own,
    name: a.name,
    balance: own ? major(a.balance, currency) : null,
    credit_limit: own ? creditOnWire(a.creditLimit, currency) : null,
    // deactivated sub-accounts cannot be charged either; Vonage has only the one flag to say so
    suspended: a.status !== "active",
    created_at: a.createdAt.toISOString(),
  };
}

// The list answer's totals cover the money of the primary and of the sub-accounts that hold their own.
export function subAccountPageJson(primary: Account, subs: Account[], currency: string) {
  const holders = [primary, ...subs.filter((s) => s.balanceMode === "own")];
  const totalBalance = holders.reduce((t, a) => t + a.balance, 0n);
  const totalCredit = holders.reduce((t, a) => t + (a.creditLimit ?? 0n), 0n);
  return {
    total_balance: major(totalBalance, currency),
    total_credit_limit: creditOnWire(totalCredit, currency),
    _embedded: {
      primary_account: primaryAccountJson(primary, currency),
      subaccounts: subs.map((s) => subAccountJson(s, currency)),
    },
  };
}

export type TransferKind = "credit" | "balance";

export function transferJson(kind: TransferKind, t: LedgerTransaction, currency: string) {
  return {
    [`${kind}_transfer_id`]: String(t.id),
    id: String(t.id),
    amount: major(t.amount, currency),
    from: t.accountId,
    to: t.counterpartyId,
    reference: t.reference ?? "",
    created_at: t.createdAt.toISOString(),
  };
}
