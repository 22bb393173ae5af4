// Owners change members' roles. A team always keeps at least one owner.
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, type Role } from "@/db/schema";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { INVITABLE_ROLES } from "./create-invite";

export async function changeRole(db: Db, teamId: string, userId: string, role: Role, actor: Actor) {
  if (!(INVITABLE_ROLES as readonly string[]).includes(role)) throw new Invalid({ role: "must be owner, admin or viewer" });
  return db.transaction(async (tx) => {
    // lock the team's memberships so two owners demoting each other at once cannot leave none
    const all = await tx.select().from(memberships).where(eq(memberships.teamId, teamId)).for("update");
    const m = all.find((x) => x.userId === userId);
    if (!m) throw new NotFound("Member");
    if (m.role === "customer") throw new Conflict("Customer users belong to a sub-account; manage them from the portal");
    if (m.role === role) return m;
    if (m.role === "owner") {
      const [{ n }] = await tx.select({ n: count() }).from(memberships).where(and(eq(memberships.teamId, teamId), eq(memberships.role, "owner")));
      if (n <= 1) throw new Conflict("A team needs at least one owner; make someone else owner first");
    }
    const [row] = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.teamId, teamId), eq(memberships.userId, userId)))
      .returning();
    await recordAudit(tx, { teamId, actor, action: "member.change_role", targetType: "user", targetId: userId, before: { role: m.role }, after: { role } });
    return row;
  });
}
