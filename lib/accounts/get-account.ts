// Reading accounts: one by id within a team, and the team's primary.
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import type { Account } from "@/lib/ledger/types";

export async function getAccount(db: Db, teamId: string, id: string): Promise<Account> {
  const [a] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.teamId, teamId), ne(accounts.kind, "system")));
  if (!a) throw new NotFound("Account");
  return a;
}

export async function getSubAccount(db: Db, teamId: string, id: string): Promise<Account> {
  // only "not there" becomes NotFound; a database failure must surface as itself (503), never as a 404
  const a = await getAccount(db, teamId, id).catch((e) => {
    if (e instanceof NotFound) return null;
    throw e;
  });
  if (!a || a.kind !== "sub" || a.deletedAt) throw new NotFound("Sub-account");
  return a;
}

export async function lockAccount(db: Db, teamId: string, id: string): Promise<Account> {
  const [a] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.teamId, teamId), eq(accounts.kind, "sub")))
    .for("update");
  if (!a || a.deletedAt) throw new NotFound("Sub-account");
  return a;
}
