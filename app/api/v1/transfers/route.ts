import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { transferBody, transferListQuery } from "@/lib/api/schemas";
import { resolveAccountRef, targetAccountId } from "@/lib/api/scope";
import { transferJson } from "@/lib/api/serialize";
import { listTransfers, type TransferKind } from "@/lib/transfers/list-transfers";
import { transferBalance, transferCredit } from "@/lib/transfers/transfer";
import { otherMethods } from "@/lib/api/problem";

const kinds: Record<"credit" | "balance" | "top_up", TransferKind> = { credit: "credit_transfer", balance: "balance_transfer", top_up: "top_up" };

// Credit or balance between the primary and one of its own-balance sub-accounts, either way.
export const POST = apiRoute(async ({ db, auth, body }) => {
  requirePrimary(auth);
  const input = body(transferBody);
  const move = input.type === "credit" ? transferCredit : transferBalance;
  const t = await move(
    db,
    auth.teamId,
    {
      from: await resolveAccountRef(db, auth.teamId, input.from),
      to: await resolveAccountRef(db, auth.teamId, input.to),
      amount: BigInt(input.amount),
      reference: input.reference ?? null,
    },
    auth.actor,
  );
  return json({ transfer: transferJson(t) }, 201);
});

export const GET = apiRoute(async ({ db, auth, query }) => {
  const q = query(transferListQuery);
  const accountId = auth.isPrimary && q.subAccountId === undefined ? undefined : await targetAccountId(db, auth, q.subAccountId);
  const page = await listTransfers(db, auth.teamId, {
    kinds: q.type ? [kinds[q.type]] : undefined,
    accountId,
    from: q.from,
    to: q.to,
    limit: q.limit,
    cursor: q.cursor,
  });
  return json({ items: page.items.map(transferJson), nextCursor: page.nextCursor });
});

// the other methods: a problem+json 405
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
