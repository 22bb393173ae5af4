// Adding a number a partner holds to one of its team's accounts (the primary unless a sub-account is named).
import type { Db } from "@/db/client";
import { numbers } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { getAccount } from "@/lib/accounts/get-account";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { AccountNotActive, Conflict } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { loadTeam } from "@/lib/ledger/post-movements";
import type { PhoneNumber } from "./schemas";

export async function addNumber(
  db: Db,
  teamId: string,
  input: { number: string; country: string; accountId?: string | null },
  actor: Actor = systemActor,
): Promise<PhoneNumber> {
  const team = await loadTeam(db, teamId);
  const owner = await getAccount(db, teamId, input.accountId ?? team.primaryAccountId);
  if (owner.deletedAt || owner.deleteAfter || owner.status === "deactivated") throw new AccountNotActive(owner.id, owner.deletedAt || owner.deleteAfter ? "deleted" : owner.status);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(numbers)
        .values({ id: newId("num"), teamId, accountId: owner.id, number: input.number, country: input.country })
        .returning();
      await recordAudit(tx, { teamId, actor, action: "number.create", targetType: "number", targetId: row.id, after: row });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(`Number ${input.number} (${input.country}) is already on this team`);
    throw e;
  }
}
