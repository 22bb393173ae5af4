// Top-ups, credit transfers and balance transfers: each one ledger movement, audited.
import type { Db } from "@/db/client";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { events } from "@/db/schema";
import { loadTeam, postMovements } from "@/lib/ledger/post-movements";
import type { LedgerTransaction } from "@/lib/ledger/types";

export type TransferInput = { from: string; to: string; amount: bigint; reference?: string | null };

async function post(db: Db, teamId: string, movement: Parameters<typeof postMovements>[2][number], actor: Actor) {
  return db.transaction(async (tx) => {
    const [r] = await postMovements(tx, teamId, [movement]);
    if (!r.ok) throw r.error;
    const t = r.transaction;
    await recordAudit(tx, { teamId, actor, action: `${t.kind}.create`, targetType: "transaction", targetId: String(t.id), after: t });
    await tx.insert(events).values({
      teamId,
      type: "transfer.created",
      accountId: t.counterpartyId ?? t.accountId,
      data: { id: String(t.id), type: t.kind, from: t.accountId, to: t.counterpartyId, amount: Number(t.amount), reference: t.reference },
    });
    return t;
  });
}

export function transferCredit(db: Db, teamId: string, input: TransferInput, actor: Actor = systemActor): Promise<LedgerTransaction> {
  return post(db, teamId, { type: "credit_transfer", ...input }, actor);
}

export function transferBalance(db: Db, teamId: string, input: TransferInput, actor: Actor = systemActor): Promise<LedgerTransaction> {
  return post(db, teamId, { type: "balance_transfer", ...input }, actor);
}

export async function topUp(
  db: Db,
  teamId: string,
  input: { amount: bigint; reference?: string | null; description?: string | null },
  actor: Actor = systemActor,
): Promise<LedgerTransaction> {
  const team = await loadTeam(db, teamId);
  return post(db, teamId, { type: "top_up", accountId: team.primaryAccountId, ...input }, actor);
}
