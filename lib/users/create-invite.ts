// Owners invite members: a random token shown once as a link, stored only as its hash, valid for 7 days.
import { createHash, randomBytes } from "node:crypto";
import { addDays } from "date-fns";
import type { Db } from "@/db/client";
import { invites, type Role } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Invalid } from "@/lib/errors";
import { newId } from "@/lib/ids";

export const INVITE_VALID_DAYS = 7;
export const INVITABLE_ROLES = ["owner", "admin", "viewer"] as const satisfies readonly Role[];

export function hashInviteToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export async function createInvite(db: Db, teamId: string, input: { role: Role; accountId?: string | null }, actor: Actor, now = new Date()) {
  if (!(INVITABLE_ROLES as readonly string[]).includes(input.role) && input.role !== "customer")
    throw new Invalid({ role: "must be owner, admin or viewer" });
  if (input.role === "customer" && !input.accountId) throw new Invalid({ accountId: "is required for a customer" });
  const token = randomBytes(24).toString("base64url");
  const [invite] = await db
    .insert(invites)
    .values({
      id: newId("inv"),
      teamId,
      tokenHash: hashInviteToken(token),
      role: input.role,
      accountId: input.role === "customer" ? input.accountId! : null,
      createdBy: actor.id,
      expiresAt: addDays(now, INVITE_VALID_DAYS),
    })
    .returning();
  await recordAudit(db, { teamId, actor, action: "invite.create", targetType: "invite", targetId: invite.id, after: { role: invite.role, expiresAt: invite.expiresAt } });
  return { invite, token };
}
