// Wire shapes of the native API (Zavu's, camelCase, minor units as plain integers).
import type { Account, LedgerTransaction } from "@/lib/ledger/types";
import { chargeAvailable } from "@/lib/ledger/rules";
import { toNumber } from "@/lib/money";

export function subAccountJson(a: Account, primary?: Account) {
  return {
    id: a.id,
    name: a.name,
    status: a.status === "deactivated" ? "inactive" : "active",
    totalSpent: toNumber(a.totalSpent),
    creditLimit: toNumber(a.creditLimit),
    externalId: a.externalId,
    metadata: a.metadata,
    createdAt: a.createdAt.toISOString(),
    // extensions
    balanceMode: a.balanceMode,
    balance: a.balanceMode === "own" ? toNumber(a.balance) : null,
    suspended: a.status === "suspended",
    lifecycle: a.deleteAfter ? "scheduled_for_deletion" : a.status,
    deleteAfter: a.deleteAfter?.toISOString() ?? null,
    ...(primary || a.balanceMode === "own" ? { available: toNumber(chargeAvailable(a, primary)) } : {}),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function transactionJson(t: LedgerTransaction) {
  return {
    id: String(t.id),
    type: t.kind,
    accountId: t.accountId,
    counterpartyId: t.counterpartyId,
    amount: toNumber(t.amount),
    description: t.description,
    reference: t.reference,
    metadata: t.metadata,
    createdAt: t.createdAt.toISOString(),
  };
}
