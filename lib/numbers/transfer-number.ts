// Vonage's number transfer: a number named by (number, country) moves from one account of the team to another.
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { numbers } from "@/db/schema";
import { getAccount } from "@/lib/accounts/get-account";
import { systemActor, type Actor } from "@/lib/audit/record-audit";
import { Conflict, NotFound } from "@/lib/errors";
import { assignNumber } from "./assign-number";
import type { PhoneNumber } from "./schemas";

export async function transferNumber(
  db: Db,
  teamId: string,
  input: { from: string; to: string; number: string; country: string },
  actor: Actor = systemActor,
): Promise<PhoneNumber> {
  await getAccount(db, teamId, input.from);
  await getAccount(db, teamId, input.to);
  if (input.from === input.to) throw new Conflict(`Number ${input.number} (${input.country}) is already held by account ${input.to}`);
  const [n] = await db
    .select({ id: numbers.id })
    .from(numbers)
    .where(and(eq(numbers.teamId, teamId), eq(numbers.number, input.number), eq(numbers.country, input.country)));
  if (!n) throw new NotFound(`Number ${input.number} (${input.country})`);
  return assignNumber(db, teamId, { numberId: n.id, accountId: input.to, from: input.from }, actor);
}
