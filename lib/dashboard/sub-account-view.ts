// How a sub-account reads on screen: what it may still spend, how much of its limit it uses, whether it is blocked.
import type { Account } from "@/lib/ledger/types";
import { limitUseBps } from "@/lib/ledger/alert-crossings";
import { chargeAvailable } from "@/lib/ledger/rules";

// Suspended, deactivated or deleting accounts are charged nothing, whatever their limits would allow.
export function subAccountAvailable(sub: Account, primary: Account) {
  if (sub.status !== "active" || sub.deleteAfter) return 0n;
  if (sub.balanceMode === "shared" && primary.status !== "active") return 0n;
  return chargeAvailable(sub, sub.balanceMode === "shared" ? primary : undefined);
}

export type StatusLabel = "active" | "suspended" | "deactivated" | "deleting" | "blocked";

export function statusLabel(sub: Account, primary: Account): StatusLabel {
  if (sub.deleteAfter) return "deleting";
  if (sub.status !== "active") return sub.status;
  return subAccountAvailable(sub, primary) === 0n ? "blocked" : "active";
}

export function describeUse(sub: Account) {
  return limitUseBps(sub);
}
