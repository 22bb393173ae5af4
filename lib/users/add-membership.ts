// A user's place in a team: one role per team; a customer is also bound to one sub-account of it.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { accounts, memberships, type Role } from "@/db/schema";
import { Conflict, Invalid } from "@/lib/errors";

export const ROLES = ["owner", "admin", "viewer", "customer"] as const satisfies readonly Role[];

export async function addMembership(db: Db, input: { userId: string; teamId: string; role: Role; accountId?: string | null }) {
  if (!ROLES.includes(input.role)) throw new Invalid({ role: "must be owner, admin, viewer or customer" });
  const accountId = input.accountId ?? null;
  if (input.role === "customer") {
    if (!accountId) throw new Invalid({ accountId: "is required for a customer" });
    // a customer may only be bound to a sub-account of this very team
    const [acct] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, accountId), eq(accounts.teamId, input.teamId), eq(accounts.kind, "sub")));
    if (!acct) throw new Invalid({ accountId: "is not a sub-account of this team" });
  } else if (accountId) {
    throw new Invalid({ accountId: "is only for customers" });
  }
  try {
    const [m] = await db
      .insert(memberships)
      .values({ userId: input.userId, teamId: input.teamId, role: input.role, accountId })
      .returning();
    return m;
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict("This user is already a member of the team");
    throw e;
  }
}
