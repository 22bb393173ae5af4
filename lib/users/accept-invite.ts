// Accepting an invite: the link's token becomes a user with a password and a membership, once.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invites, teams } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { Conflict, NotFound } from "@/lib/errors";
import { addMembership } from "./add-membership";
import { createUser, type CreateUserInput } from "./create-user";
import { hashInviteToken } from "./create-invite";

// The invite behind a token, if it is still open (not accepted, not expired).
export async function findOpenInvite(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({ invite: invites, teamName: teams.name })
    .from(invites)
    .innerJoin(teams, eq(teams.id, invites.teamId))
    .where(and(eq(invites.tokenHash, hashInviteToken(token)), isNull(invites.acceptedAt), gt(invites.expiresAt, now)));
  return row ?? null;
}

export async function acceptInvite(db: Db, token: string, input: CreateUserInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const open = await findOpenInvite(tx, token, now);
    if (!open) throw new NotFound("Invite (it may have expired or been used already)");
    // claim the invite first, conditionally, so two concurrent acceptances cannot both succeed
    const claimed = await tx
      .update(invites)
      .set({ acceptedAt: now })
      .where(and(eq(invites.id, open.invite.id), isNull(invites.acceptedAt)))
      .returning({ id: invites.id });
    if (!claimed.length) throw new Conflict("This invite has just been used");
    const user = await createUser(tx, input);
    await addMembership(tx, { userId: user.id, teamId: open.invite.teamId, role: open.invite.role, accountId: open.invite.accountId });
    await recordAudit(tx, {
      teamId: open.invite.teamId,
      actor: { kind: "user", id: user.id, label: user.email },
      action: "invite.accept",
      targetType: "user",
      targetId: user.id,
      after: { email: user.email, role: open.invite.role },
    });
    return { user, role: open.invite.role, teamId: open.invite.teamId };
  });
}
