// The people of a team with their roles, oldest first, and the invites still open.
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invites, memberships, users } from "@/db/schema";

export async function listMembers(db: Db, teamId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, accountId: memberships.accountId, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId))
    .orderBy(asc(memberships.createdAt));
}

export async function listOpenInvites(db: Db, teamId: string, now = new Date()) {
  return db
    .select({ id: invites.id, role: invites.role, expiresAt: invites.expiresAt, createdAt: invites.createdAt })
    .from(invites)
    .where(and(eq(invites.teamId, teamId), isNull(invites.acceptedAt), gt(invites.expiresAt, now)))
    .orderBy(desc(invites.createdAt));
}
