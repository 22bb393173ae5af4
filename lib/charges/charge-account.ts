// Recording usage: one charge through the ledger, answered with the transaction or a typed refusal.
import { getDb, type Db } from "@/db/client";
import { ChargeBatcher } from "@/lib/ledger/charge-batcher";
import { postMovements } from "@/lib/ledger/post-movements";
import type { LedgerTransaction, Movement } from "@/lib/ledger/types";

export type ChargeInput = Omit<Extract<Movement, { type: "charge" }>, "type">;

export async function chargeAccount(db: Db, teamId: string, input: ChargeInput): Promise<LedgerTransaction> {
  const [r] = await postMovements(db, teamId, [{ type: "charge", ...input }]);
  if (!r.ok) throw r.error;
  return r.transaction;
}

// One batcher per process, over the process's database: concurrent charges share a transaction (group commit).
const globalForBatcher = globalThis as unknown as { subledgerBatcher?: ChargeBatcher };

// The same charge through group commit; for callers outside any transaction of their own.
export async function chargeAccountBatched(teamId: string, input: ChargeInput): Promise<LedgerTransaction> {
  globalForBatcher.subledgerBatcher ??= new ChargeBatcher(getDb);
  const r = await globalForBatcher.subledgerBatcher.submit(teamId, { type: "charge", ...input });
  if (!r.ok) throw r.error;
  return r.transaction;
}
