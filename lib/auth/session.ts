// Who is signed in, and with what role in which team. Shared by the dashboard and the customer portal:
// getSessionUser() answers null when nobody is signed in; requireRole() throws typed errors for actions and
// route handlers; requirePageRole() redirects for pages.
import { asc, eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { memberships, teams, users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { Forbidden, Unauthorized } from "@/lib/errors";
import { authOptions } from "./auth-options";

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  teamId: string;
  teamName: string;
  currency: string;
  role: Role;
  // set for customers: the one sub-account they may see
  accountId: string | null;
  actor: Actor;
};

export const TEAM_ROLES = ["owner", "admin", "viewer"] as const satisfies readonly Role[];
export const EDITOR_ROLES = ["owner", "admin"] as const satisfies readonly Role[];

// cache(): one lookup per request however many components ask
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      teamId: memberships.teamId,
      role: memberships.role,
      accountId: memberships.accountId,
      teamName: teams.name,
      currency: teams.currency,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(users.id, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!row) return null;
  return { ...row, actor: { kind: "user", id: row.id, label: row.email } };
});

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new Unauthorized("Sign in first");
  if (!roles.includes(user.role)) throw new Forbidden(`This needs the ${roles.join(" or ")} role; you are ${user.role}`);
  return user;
}

export async function requirePageRole(roles: readonly Role[], signInPath = "/signin"): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInPath);
  if (!roles.includes(user.role)) {
    // customers belong in the portal; team members who lack a role for a page go back to the overview
    redirect(user.role === "customer" ? "/portal" : "/overview");
  }
  return user;
}

export function canEdit(user: Pick<SessionUser, "role">) {
  return user.role === "owner" || user.role === "admin";
}
