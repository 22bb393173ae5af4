// A team is one partner: one currency, one primary account, and the system accounts counter-entries go to.
import type { Db } from "@/db/client";
import { accounts, teams } from "@/db/schema";
import { Invalid } from "@/lib/errors";
import { randomId } from "@/lib/ids";
import { postMovements } from "@/lib/ledger/post-movements";
import { inRange } from "@/lib/money";
import { z } from "zod";

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")
  .refine((c) => {
    try {
      new Intl.NumberFormat("en", { style: "currency", currency: c });
      return Intl.supportedValuesOf("currency").includes(c);
    } catch {
      return false;
    }
  }, "is not a currency this server knows");

export async function createTeam(
  db: Db,
  input: { name: string; currency: string; balance?: bigint; creditLimit?: bigint; primaryName?: string },
) {
  const fields: Record<string, string> = {};
  if (!input.name.trim()) fields.name = "is required";
  if (!currencySchema.safeParse(input.currency).success) fields.currency = "must be an ISO 4217 code such as USD";
  const balance = input.balance ?? 0n;
  const creditLimit = input.creditLimit ?? 0n;
  if (balance < 0n || !inRange(balance)) fields.balance = "must be zero or a positive amount";
  if (creditLimit < 0n || !inRange(creditLimit)) fields.creditLimit = "must be zero or a positive amount";
  if (Object.keys(fields).length) throw new Invalid(fields);

  const team = await db.transaction(async (tx) => {
    const teamId = `team_${randomId(12)}`;
    const primaryId = randomId(12);
    const paymentsId = randomId(12);
    const revenueId = randomId(12);
    const [team] = await tx
      .insert(teams)
      .values({
        id: teamId,
        name: input.name.trim(),
        currency: input.currency,
        primaryAccountId: primaryId,
        paymentsAccountId: paymentsId,
        revenueAccountId: revenueId,
      })
      .returning();
    await tx.insert(accounts).values([
      { id: primaryId, teamId, kind: "primary", name: input.primaryName ?? input.name.trim(), creditLimit },
      { id: paymentsId, teamId, kind: "system", systemRole: "payments", name: "Payments received" },
      { id: revenueId, teamId, kind: "system", systemRole: "revenue", name: "Usage revenue" },
    ]);
    if (balance > 0n) {
      const [r] = await postMovements(tx, teamId, [{ type: "top_up", accountId: primaryId, amount: balance, reference: "opening balance" }]);
      if (!r.ok) throw r.error;
    }
    return team;
  });
  return team;
}
