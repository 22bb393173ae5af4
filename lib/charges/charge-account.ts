// Recording usage: one charge through the ledger, answered with the transaction or a typed refusal.
import type { Db } from "@/db/client";
import { postMovements } from "@/lib/ledger/post-movements";
import type { LedgerTransaction } from "@/lib/ledger/types";

export type ChargeInput = {
  accountId: string;
  amount: bigint;
  description?: string | null;
  metadata?: Record<string, unknown>;
  idempotencyKey?: string | null;
};

export async function chargeAccount(db: Db, teamId: string, input: ChargeInput): Promise<LedgerTransaction> {
  const [r] = await postMovements(db, teamId, [{ type: "charge", ...input }]);
  if (!r.ok) throw r.error;
  return r.transaction;
}
