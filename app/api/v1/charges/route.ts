import { apiRoute, json } from "@/lib/api/route";
import { chargeBody, chargeListQuery } from "@/lib/api/schemas";
import { targetAccountId } from "@/lib/api/scope";
import { chargeJson } from "@/lib/api/serialize";
import { chargeAccount } from "@/lib/charges/charge-account";
import { listCharges } from "@/lib/charges/list-charges";

// A primary key charges itself or, with subAccountId, one of its sub-accounts; a sub-account key charges itself.
export const POST = apiRoute(async ({ db, auth, body }) => {
  const input = body(chargeBody);
  const accountId = await targetAccountId(db, auth, input.subAccountId);
  const charge = await chargeAccount(db, auth.teamId, {
    accountId,
    amount: BigInt(input.amount),
    description: input.description ?? null,
    metadata: input.metadata,
    idempotencyKey: input.idempotencyKey ?? null,
  });
  return json({ charge: chargeJson(charge) }, 201);
});

export const GET = apiRoute(async ({ db, auth, query }) => {
  const q = query(chargeListQuery);
  // a primary key without a filter sees the whole team's charges; a sub-account key only its own
  const accountId = auth.isPrimary && q.subAccountId === undefined ? undefined : await targetAccountId(db, auth, q.subAccountId);
  const page = await listCharges(db, auth.teamId, { accountId, from: q.from, to: q.to, limit: q.limit, cursor: q.cursor });
  return json({ items: page.items.map(chargeJson), nextCursor: page.nextCursor });
});
