// A partner admin invites an end customer to one sub-account: an invite link, shown once, that lets the
// customer set a password and then see that sub-account, and only it, in the portal.
import type { Db } from "@/db/client";
import { getSubAccount } from "@/lib/accounts/get-account";
import type { Actor } from "@/lib/audit/record-audit";
import { Conflict } from "@/lib/errors";
import { createInvite } from "@/lib/users/create-invite";

export function portalInvitePath(token: string) {
  return `/portal/join/${token}`;
}

export async function inviteCustomer(db: Db, teamId: string, accountId: string, actor: Actor, now = new Date()) {
  return db.transaction(async (tx) => {
    const account = await getSubAccount(tx, teamId, accountId);
    if (account.status === "deactivated" || account.deleteAfter) throw new Conflict("This sub-account is not active; reactivate it before inviting its customer");
    const { invite, token } = await createInvite(tx, teamId, { role: "customer", accountId: account.id }, actor, now);
    return { invite, token, path: portalInvitePath(token), account };
  });
}
