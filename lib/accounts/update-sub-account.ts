// Changing a sub-account: details, its cap or credit, balance mode (shared → own only) and status.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, events } from "@/db/schema";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { isUniqueViolation } from "@/db/errors";
import { loadTeam, lockAccounts, postMovements } from "@/lib/ledger/post-movements";
import type { Account } from "@/lib/ledger/types";
import type { UpdateSubAccountInput } from "./schemas";
import { deactivateLocked } from "./deactivate-sub-account";

export async function updateSubAccount(
  db: Db,
  teamId: string,
  id: string,
  input: UpdateSubAccountInput,
  actor: Actor = systemActor,
): Promise<Account> {
  const team = await loadTeam(db, teamId);
  try {
    return await db.transaction(async (tx) => {
      const locked = await lockAccounts(tx, teamId, [id, team.primaryAccountId]);
      const before = locked.get(id);
      if (!before || before.kind !== "sub" || before.deletedAt) throw new NotFound("Sub-account");
      const patch: Partial<typeof accounts.$inferInsert> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.externalId !== undefined) patch.externalId = input.externalId;
      if (input.metadata !== undefined) patch.metadata = input.metadata;
      let mode = before.balanceMode;
      if (input.balanceMode === "own" && mode === "shared") {
        mode = "own";
        patch.balanceMode = "own";
        patch.creditLimit = 0n;
      }
      if (Object.keys(patch).length) await tx.update(accounts).set({ ...patch, updatedAt: new Date() }).where(eq(accounts.id, id));

      if (input.creditLimit !== undefined) {
        if (mode === "shared") {
          const cap = input.creditLimit === null ? null : BigInt(input.creditLimit);
          if (cap !== null && cap < before.totalSpent)
            throw new Invalid({ creditLimit: `must be at least the ${before.totalSpent} already spent` });
          await tx.update(accounts).set({ creditLimit: cap, updatedAt: new Date() }).where(eq(accounts.id, id));
        } else {
          if (input.creditLimit === null)
            throw new Invalid({ creditLimit: "an own-balance sub-account always has a credit limit; set a number" });
          const current = patch.creditLimit ?? before.creditLimit ?? 0n;
          const delta = BigInt(input.creditLimit) - current;
          // an own-balance account's credit comes from the primary: the edit is a credit transfer of the difference
          if (delta !== 0n) {
            const [r] = await postMovements(tx, teamId, [
              delta > 0n
                ? { type: "credit_transfer", from: team.primaryAccountId, to: id, amount: delta, reference: "credit limit change" }
                : { type: "credit_transfer", from: id, to: team.primaryAccountId, amount: -delta, reference: "credit limit change" },
            ]);
            if (!r.ok) throw r.error;
          }
        }
      }

      if (input.status !== undefined) {
        const [cur] = await tx.select().from(accounts).where(eq(accounts.id, id));
        const target = input.status === "inactive" ? "deactivated" : input.status;
        if (target === "deactivated" && cur.status !== "deactivated") await deactivateLocked(tx, team, cur, actor);
        else if (target !== cur.status && target !== "deactivated") {
          if (cur.deleteAfter) throw new Conflict("This sub-account is scheduled for deletion; restore it first");
          await tx.update(accounts).set({ status: target, updatedAt: new Date() }).where(eq(accounts.id, id));
          if (target === "suspended")
            await tx.insert(events).values({ teamId, type: "subaccount.suspended", accountId: id, data: { subAccountId: id, name: cur.name } });
        }
      }

      const [after] = await tx.select().from(accounts).where(eq(accounts.id, id));
      await recordAudit(tx, { teamId, actor, action: "subaccount.update", targetType: "account", targetId: id, before, after });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(`A sub-account with externalId "${input.externalId}" already exists`);
    throw e;
  }
}
