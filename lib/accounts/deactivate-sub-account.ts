// Deactivation: every key revoked, a positive own balance returned to the primary by a balance transfer.
// Reversible: reactivating (status active) and issuing new keys.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { revokeAllKeys } from "@/lib/keys/revoke-api-key";
import { loadTeam, lockAccounts, postMovements } from "@/lib/ledger/post-movements";
import type { Account, Team } from "@/lib/ledger/types";

// Caller holds the locks on the primary and the sub-account.
export async function deactivateLocked(tx: Db, team: Team, sub: Account, actor: Actor) {
  const keysRevoked = await revokeAllKeys(tx, sub.id);
  let returned = 0n;
  if (sub.balanceMode === "own" && sub.balance > 0n) {
    const [r] = await postMovements(tx, team.id, [
      { type: "balance_transfer", from: sub.id, to: team.primaryAccountId, amount: sub.balance, reference: "returned on deactivation", internal: true },
    ]);
    if (!r.ok) throw r.error;
    returned = sub.balance;
  }
  await tx.update(accounts).set({ status: "deactivated", updatedAt: new Date() }).where(eq(accounts.id, sub.id));
  await recordAudit(tx, { teamId: team.id, actor, action: "subaccount.deactivate", targetType: "account", targetId: sub.id, before: { status: sub.status }, after: { status: "deactivated", keysRevoked, balanceReturned: returned } });
  return { keysRevoked, balanceReturned: returned };
}

export async function deactivateSubAccount(db: Db, teamId: string, id: string, actor: Actor = systemActor) {
  const team = await loadTeam(db, teamId);
  return db.transaction(async (tx) => {
    const locked = await lockAccounts(tx, teamId, [id, team.primaryAccountId]);
    const sub = locked.get(id);
    if (!sub || sub.kind !== "sub" || sub.deletedAt) throw new NotFound("Sub-account");
    if (sub.status === "deactivated") return { keysRevoked: await revokeAllKeys(tx, id), balanceReturned: 0n };
    return deactivateLocked(tx, team, sub, actor);
  });
}
