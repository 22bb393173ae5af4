// A new partner in one step: team, primary account, owner user and a live API key of the primary.
import type { Db } from "@/db/client";
import { createApiKey } from "@/lib/keys/create-api-key";
import { createUser } from "@/lib/users/create-user";
import { addMembership } from "@/lib/users/add-membership";
import { createTeam } from "./create-team";

export async function bootstrapTeam(
  db: Db,
  input: { team: string; currency: string; balance?: bigint; creditLimit?: bigint; email: string; password: string },
) {
  return db.transaction(async (tx) => {
    const team = await createTeam(tx, { name: input.team, currency: input.currency, balance: input.balance, creditLimit: input.creditLimit });
    const user = await createUser(tx, { email: input.email, password: input.password });
    await addMembership(tx, { userId: user.id, teamId: team.id, role: "owner" });
    const key = await createApiKey(tx, team.id, team.primaryAccountId, { name: "Bootstrap key" });
    return { team, user, apiKey: key.key };
  });
}
