import type { InferSelectModel } from "drizzle-orm";
import type { accounts, ledgerTransactions, teams } from "@/db/schema";

export type Account = InferSelectModel<typeof accounts>;
export type Team = InferSelectModel<typeof teams>;
export type LedgerTransaction = InferSelectModel<typeof ledgerTransactions>;

export type Movement =
  | {
      type: "charge";
      accountId: string;
      amount: bigint;
      description?: string | null;
      metadata?: Record<string, unknown>;
      idempotencyKey?: string | null;
      // the API key that asked: a key revoked before the charge commits gets it refused (401)
      keyId?: string;
      // the account was named as a sub-account: anything else, or a purged one, is "not found"
      subAccountOnly?: boolean;
      // backdating, for seeding history only
      at?: Date;
    }
  | { type: "top_up"; accountId: string; amount: bigint; reference?: string | null; description?: string | null; at?: Date }
  | { type: "balance_transfer"; from: string; to: string; amount: bigint; reference?: string | null; internal?: boolean; at?: Date }
  | { type: "credit_transfer"; from: string; to: string; amount: bigint; reference?: string | null; internal?: boolean; at?: Date };

export type MovementResult =
  | { ok: true; transaction: LedgerTransaction; replayed?: boolean }
  | { ok: false; error: import("@/lib/errors").DomainError };
