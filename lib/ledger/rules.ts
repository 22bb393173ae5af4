// DESIGN.md's admission rules as pure functions over locked account rows. No I/O here.
import { AccountNotActive, AmountOutOfRange, CreditLimitExceeded, Invalid, TransferRefused } from "@/lib/errors";
import { inRange, maxBig, minBig } from "@/lib/money";
import type { Account } from "./types";

export function ownAvailable(a: Account) {
  return a.balance + (a.creditLimit ?? 0n);
}

export function assertChargeable(a: Account) {
  if (a.deletedAt || a.deleteAfter) throw new AccountNotActive(a.id, "deleted");
  if (a.status !== "active") throw new AccountNotActive(a.id, a.status);
}

// What a charge on `a` may take right now; `primary` is needed when `a` is a shared sub-account.
export function chargeAvailable(a: Account, primary: Account | undefined): bigint {
  if (a.kind === "sub" && a.balanceMode === "shared") {
    if (!primary) throw new Error("shared sub-account charged without its primary locked");
    const primaryAvail = ownAvailable(primary);
    const capAvail = a.creditLimit === null ? primaryAvail : a.creditLimit - a.totalSpent;
    return maxBig(0n, minBig(capAvail, primaryAvail));
  }
  return maxBig(0n, ownAvailable(a));
}

export function assertCharge(a: Account, primary: Account | undefined, amount: bigint) {
  if (amount <= 0n) throw new Invalid({ amount: "must be a positive whole number of minor units" });
  assertChargeable(a);
  if (a.kind === "sub" && a.balanceMode === "shared" && primary) assertChargeable(primary);
  const available = chargeAvailable(a, primary);
  if (amount > available) throw new CreditLimitExceeded(a.id, amount, available);
  if (!inRange(a.totalSpent + amount)) throw new AmountOutOfRange();
}

// Credit transfer: the source must keep enough credit to cover its own debt.
export function creditTransferable(a: Account) {
  return maxBig(0n, (a.creditLimit ?? 0n) - maxBig(0n, -a.balance));
}

export function balanceTransferable(a: Account) {
  return maxBig(0n, ownAvailable(a));
}

export function assertTransferPair(from: Account, to: Account, internal: boolean) {
  const pair = [from, to];
  const primary = pair.find((a) => a.kind === "primary");
  const sub = pair.find((a) => a.kind === "sub");
  if (!primary || !sub || sub.parentId !== primary.id)
    throw new Invalid({ to: "transfers move between the primary account and one of its sub-accounts" });
  if (sub.balanceMode !== "own")
    throw new TransferRefused(`Sub-account ${sub.id} uses the primary account's balance; switch it to its own balance first`, 0n);
  if (!internal && (sub.status === "deactivated" || sub.deletedAt || sub.deleteAfter))
    throw new AccountNotActive(sub.id, sub.deletedAt || sub.deleteAfter ? "deleted" : sub.status);
}

export function assertCreditTransfer(from: Account, to: Account, amount: bigint, internal = false) {
  if (amount <= 0n) throw new Invalid({ amount: "must be a positive whole number of minor units" });
  assertTransferPair(from, to, internal);
  const available = creditTransferable(from);
  if (amount > available)
    throw new TransferRefused(
      `Credit transfer of ${amount} refused: ${from.id} has ${available} of credit not covering its own debt`,
      available,
    );
  if (!inRange((to.creditLimit ?? 0n) + amount)) throw new AmountOutOfRange();
}

export function assertBalanceTransfer(from: Account, to: Account, amount: bigint, internal = false) {
  if (amount <= 0n) throw new Invalid({ amount: "must be a positive whole number of minor units" });
  assertTransferPair(from, to, internal);
  const available = balanceTransferable(from);
  if (amount > available)
    throw new TransferRefused(
      `Balance transfer of ${amount} refused: ${from.id} may move at most ${available} without going past its credit limit`,
      available,
    );
  if (!inRange(to.balance + amount)) throw new AmountOutOfRange();
}
