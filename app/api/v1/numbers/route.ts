import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { getAccount } from "@/lib/accounts/get-account";
import { Forbidden } from "@/lib/errors";
import { loadTeam } from "@/lib/ledger/post-movements";
import { addNumber } from "@/lib/numbers/add-number";
import { listNumbers } from "@/lib/numbers/list-numbers";
import { numberJson } from "@/lib/numbers/number-json";
import { addNumberBody, listNumbersQuery } from "@/lib/numbers/schemas";
import { otherMethods } from "@/lib/api/problem";

// A primary key lists the team's numbers (or one account's); a sub-account key only its own.
export const GET = apiRoute(async ({ db, auth, query }) => {
  const q = query(listNumbersQuery);
  const team = await loadTeam(db, auth.teamId);
  let accountId = q.subAccountId;
  if (!auth.isPrimary) {
    if (accountId !== undefined && accountId !== auth.account.id) throw new Forbidden("A sub-account key sees only its own numbers");
    accountId = auth.account.id;
  } else if (accountId !== undefined) {
    await getAccount(db, auth.teamId, accountId);
  }
  const page = await listNumbers(db, auth.teamId, { accountId, limit: q.limit, cursor: q.cursor });
  return json({ items: page.items.map((n) => numberJson(n, team.primaryAccountId)), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ db, auth, body }) => {
  requirePrimary(auth);
  const input = body(addNumberBody);
  const team = await loadTeam(db, auth.teamId);
  const n = await addNumber(db, auth.teamId, { number: input.number, country: input.country, accountId: input.subAccountId }, auth.actor);
  return json({ number: numberJson(n, team.primaryAccountId) }, 201);
});

// the other methods: a problem+json 405
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
