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

type ApiKeyRow = { id: string; name: string; prefix: string; environment: "live" | "test"; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

// Zavu writes API-key timestamps as epoch ms (unlike sub-accounts' ISO createdAt).
export function apiKeyJson(k: ApiKeyRow) {
  return {
    id: k.id,
    name: k.name,
    keyPrefix: k.prefix,
    environment: k.environment,
    createdAt: k.createdAt.getTime(),
    lastUsedAt: k.lastUsedAt?.getTime() ?? null,
    revokedAt: k.revokedAt?.getTime() ?? null,
  };
}

export function newApiKeyJson(k: ApiKeyRow & { key: string }) {
  return { id: k.id, name: k.name, environment: k.environment, key: k.key, keyPrefix: k.prefix, createdAt: k.createdAt.getTime() };
}

export function chargeJson(t: LedgerTransaction) {
  return {
    id: String(t.id),
    accountId: t.accountId,
    amount: toNumber(t.amount),
    description: t.description,
    metadata: t.metadata,
    idempotencyKey: t.idempotencyKey,
    createdAt: t.createdAt.toISOString(),
  };
}

const transferType = { credit_transfer: "credit", balance_transfer: "balance", top_up: "top_up" } as const;

export function transferJson(t: LedgerTransaction) {
  const type = transferType[t.kind as keyof typeof transferType];
  if (!type) throw new Error(`transaction ${t.id} of kind ${t.kind} is not a transfer`);
  return {
    id: String(t.id),
    type,
    // a top-up comes from outside the team: it lands on the primary, its accountId
    from: type === "top_up" ? null : t.accountId,
    to: type === "top_up" ? t.accountId : t.counterpartyId!,
    amount: toNumber(t.amount),
    reference: t.reference,
    createdAt: t.createdAt.toISOString(),
  };
}

// What an account may spend, as /v1/balance and /v1/sub-accounts/{id}/balance answer it. A shared
// sub-account shows the primary's balance, which is the money it draws on.
export function balanceJson(currency: string, a: Account, primary?: Account) {
  if (a.kind === "primary")
    return { balance: toNumber(a.balance), currency, creditLimit: toNumber(a.creditLimit), totalSpent: toNumber(a.totalSpent), available: toNumber(chargeAvailable(a, undefined)) };
  return {
    balance: a.balanceMode === "own" ? toNumber(a.balance) : toNumber(primary!.balance),
    currency,
    isSubAccount: true,
    totalSpent: toNumber(a.totalSpent),
    creditLimit: toNumber(a.creditLimit),
    balanceMode: a.balanceMode,
    available: toNumber(chargeAvailable(a, primary)),
  };
}
