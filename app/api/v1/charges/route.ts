import { apiRoute, cachedBearerDialect, json } from "@/lib/api/route";
import { chargeBody, chargeListQuery } from "@/lib/api/schemas";
import { chargeTarget, targetAccountId } from "@/lib/api/scope";
import { chargeJson } from "@/lib/api/serialize";
import { chargeAccount, chargeAccountBatched } from "@/lib/charges/charge-account";
import { listCharges } from "@/lib/charges/list-charges";
import { otherMethods } from "@/lib/api/problem";

// A primary key charges itself or, with subAccountId, one of its sub-accounts; a sub-account key charges itself.
// The hot path: authenticated from the cache of verified keys, and the ledger re-checks the key as it commits.
export const POST = apiRoute(async ({ db, auth, body, inTransaction }) => {
  const input = body(chargeBody);
  const { accountId, subAccountOnly } = chargeTarget(auth, input.subAccountId);
  const charge = {
    accountId,
    subAccountOnly,
    keyId: auth.key.id,
    amount: BigInt(input.amount),
    description: input.description ?? null,
    metadata: input.metadata,
    idempotencyKey: input.idempotencyKey ?? null,
  };
  // group commit unless the charge must commit with its Idempotency-Key record
  const charged = inTransaction ? await chargeAccount(db, auth.teamId, charge) : await chargeAccountBatched(auth.teamId, charge);
  return json({ charge: chargeJson(charged) }, 201);
}, cachedBearerDialect);

export const GET = apiRoute(async ({ db, auth, query }) => {
  const q = query(chargeListQuery);
  // a primary key without a filter sees the whole team's charges; a sub-account key only its own
  const accountId = auth.isPrimary && q.subAccountId === undefined ? undefined : await targetAccountId(db, auth, q.subAccountId);
  const page = await listCharges(db, auth.teamId, { accountId, from: q.from, to: q.to, limit: q.limit, cursor: q.cursor });
  return json({ items: page.items.map(chargeJson), nextCursor: page.nextCursor });
});

// the other methods: a problem+json 405
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
