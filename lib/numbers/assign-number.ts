// Moving a number to another account of the same team. The number's row is locked while it moves, so
// two concurrent moves of one number run one after the other and the second sees the first's result.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { numbers } from "@/db/schema";
import { getAccount } from "@/lib/accounts/get-account";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { AccountNotActive, Conflict, Invalid, NotFound } from "@/lib/errors";
import type { PhoneNumber } from "./schemas";

export async function assignNumber(
  db: Db,
  teamId: string,
  // `from`, when given, must still own the number once it is locked
  input: { numberId: string; accountId: string; from?: string },
  actor: Actor = systemActor,
): Promise<PhoneNumber> {
  return db.transaction(async (tx) => {
    const [n] = await tx
      .select()
      .from(numbers)
      .where(and(eq(numbers.id, input.numberId), eq(numbers.teamId, teamId)))
      .for("update");
    if (!n) throw new NotFound("Number");
    if (input.from !== undefined && n.accountId !== input.from) throw new Invalid({ from: `does not hold number ${n.number} (${n.country})` });
    const target = await getAccount(tx, teamId, input.accountId);
    if (target.deletedAt || target.deleteAfter || target.status === "deactivated")
      throw new AccountNotActive(target.id, target.deletedAt || target.deleteAfter ? "deleted" : target.status);
    if (n.accountId === target.id) throw new Conflict(`Number ${n.number} (${n.country}) is already held by account ${target.id}`);
    const [moved] = await tx.update(numbers).set({ accountId: target.id }).where(eq(numbers.id, n.id)).returning();
    await recordAudit(tx, { teamId, actor, action: "number.assign", targetType: "number", targetId: n.id, before: { accountId: n.accountId }, after: { accountId: target.id } });
    return moved;
  });
}
