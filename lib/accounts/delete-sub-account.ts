// Deletion with a grace period: scheduled (restorable), then purged — personal data and keys gone,
// the account row and its ledger history kept so the books still add up.
import { and, eq, isNotNull, isNull, lte } from "drizzle-orm";
import { addDays } from "date-fns";
import type { Db } from "@/db/client";
import { accounts, apiKeys, memberships, numbers } from "@/db/schema";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { Conflict, NotFound } from "@/lib/errors";
import { loadTeam, lockAccounts } from "@/lib/ledger/post-movements";
import { deactivateLocked } from "./deactivate-sub-account";

export const DELETION_GRACE_DAYS = 14;

// When an account scheduled for deletion now would be purged (shown before the owner confirms).
export function deletionDateIfScheduledNow(now = new Date()) {
  return addDays(now, DELETION_GRACE_DAYS);
}

export async function scheduleDeletion(db: Db, teamId: string, id: string, actor: Actor = systemActor, now = new Date()) {
  const team = await loadTeam(db, teamId);
  return db.transaction(async (tx) => {
    const locked = await lockAccounts(tx, teamId, [id, team.primaryAccountId]);
    const sub = locked.get(id);
    if (!sub || sub.kind !== "sub" || sub.deletedAt) throw new NotFound("Sub-account");
    if (sub.deleteAfter) return sub;
    if (sub.status !== "deactivated") await deactivateLocked(tx, team, sub, actor);
    const [row] = await tx
      .update(accounts)
      .set({ deleteAfter: addDays(now, DELETION_GRACE_DAYS), status: "deactivated", updatedAt: now })
      .where(eq(accounts.id, id))
      .returning();
    await recordAudit(tx, { teamId, actor, action: "subaccount.schedule_deletion", targetType: "account", targetId: id, before: { deleteAfter: null }, after: { deleteAfter: row.deleteAfter } });
    return row;
  });
}

export async function restoreSubAccount(db: Db, teamId: string, id: string, actor: Actor = systemActor) {
  return db.transaction(async (tx) => {
    const locked = await lockAccounts(tx, teamId, [id]);
    const sub = locked.get(id);
    if (!sub || sub.kind !== "sub" || sub.deletedAt) throw new NotFound("Sub-account");
    if (!sub.deleteAfter) throw new Conflict("This sub-account is not scheduled for deletion");
    const [row] = await tx.update(accounts).set({ deleteAfter: null, updatedAt: new Date() }).where(eq(accounts.id, id)).returning();
    await recordAudit(tx, { teamId, actor, action: "subaccount.restore", targetType: "account", targetId: id, before: { deleteAfter: sub.deleteAfter }, after: { deleteAfter: null } });
    return row;
  });
}

// Purges every account whose grace period has ended; answers the ids purged.
export async function purgeDeletedAccounts(db: Db, now = new Date()) {
  const due = await db
    .select({ id: accounts.id, teamId: accounts.teamId })
    .from(accounts)
    .where(and(isNotNull(accounts.deleteAfter), lte(accounts.deleteAfter, now), isNull(accounts.deletedAt)));
  for (const { id, teamId } of due) {
    const team = await loadTeam(db, teamId);
    await db.transaction(async (tx) => {
      await lockAccounts(tx, teamId, [id]);
      await tx.delete(apiKeys).where(eq(apiKeys.accountId, id));
      await tx.delete(memberships).where(eq(memberships.accountId, id));
      await tx.update(numbers).set({ accountId: team.primaryAccountId }).where(eq(numbers.accountId, id));
      await tx
        .update(accounts)
        .set({ deletedAt: now, name: "Deleted sub-account", externalId: null, metadata: {}, updatedAt: now })
        .where(eq(accounts.id, id));
      await recordAudit(tx, { teamId, actor: systemActor, action: "subaccount.purge", targetType: "account", targetId: id });
    });
  }
  return due.map((d) => d.id);
}
