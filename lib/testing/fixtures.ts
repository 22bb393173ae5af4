// Test fixtures: a team with its primary key, through the same domain functions the product uses.
import type { Db } from "@/db/client";
import { createApiKey } from "@/lib/keys/create-api-key";
import { createTeam } from "@/lib/teams/create-team";

export async function makeTeam(db: Db, opts: { name?: string; currency?: string; balance?: bigint; creditLimit?: bigint } = {}) {
  const team = await createTeam(db, { name: opts.name ?? "Acme", currency: opts.currency ?? "USD", balance: opts.balance, creditLimit: opts.creditLimit });
  const key = await createApiKey(db, team.id, team.primaryAccountId, { name: "Primary" });
  return { team, primaryId: team.primaryAccountId, primaryKey: key.key };
}
