// Creating a sub-account: shared by default (Zavu's model), own balance on request, with its first API key.
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { Conflict } from "@/lib/errors";
import { randomId } from "@/lib/ids";
import { createApiKey } from "@/lib/keys/create-api-key";
import { loadTeam, postMovements } from "@/lib/ledger/post-movements";
import type { CreateSubAccountInput } from "./schemas";
import { isUniqueViolation } from "@/db/errors";

export async function createSubAccount(
  db: Db,
  teamId: string,
  input: CreateSubAccountInput & { withKey?: boolean; keyName?: string; secret?: string },
  actor: Actor = systemActor,
) {
  const team = await loadTeam(db, teamId);
  try {
    return await db.transaction(async (tx) => {
      const own = input.balanceMode === "own";
      const [account] = await tx
        .insert(accounts)
        .values({
          id: randomId(12),
          teamId,
          kind: "sub",
          parentId: team.primaryAccountId,
          balanceMode: own ? "own" : "shared",
          name: input.name,
          externalId: input.externalId ?? null,
          metadata: input.metadata ?? {},
          // own-balance accounts get credit only by credit transfer from the primary
          creditLimit: own ? 0n : input.creditLimit == null ? null : BigInt(input.creditLimit),
        })
        .returning();
      if (own && input.creditLimit) {
        const [r] = await postMovements(tx, teamId, [
          { type: "credit_transfer", from: team.primaryAccountId, to: account.id, amount: BigInt(input.creditLimit), reference: "opening credit" },
        ]);
        if (!r.ok) throw r.error;
        account.creditLimit = BigInt(input.creditLimit);
      }
      const key =
        input.withKey === false
          ? null
          : await createApiKey(tx, teamId, account.id, { name: input.keyName ?? "Default", secret: input.secret }, actor);
      await recordAudit(tx, { teamId, actor, action: "subaccount.create", targetType: "account", targetId: account.id, after: account });
      return { account, apiKey: key };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(`A sub-account with externalId "${input.externalId}" already exists`);
    throw e;
  }
}
