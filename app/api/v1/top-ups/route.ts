import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { topUpBody } from "@/lib/api/schemas";
import { transferJson } from "@/lib/api/serialize";
import { topUp } from "@/lib/transfers/transfer";
import { otherMethods } from "@/lib/api/problem";

// A payment the partner received, recorded into the primary's balance.
export const POST = apiRoute(async ({ db, auth, body }) => {
  requirePrimary(auth);
  const input = body(topUpBody);
  const t = await topUp(db, auth.teamId, { amount: BigInt(input.amount), reference: input.reference ?? null }, auth.actor);
  return json({ topUp: transferJson(t) }, 201);
});

// the other methods: a problem+json 405
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
