import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { createSubAccountBody, pageQuery } from "@/lib/api/schemas";
import { primaryAccount } from "@/lib/api/scope";
import { subAccountJson } from "@/lib/api/serialize";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { listSubAccounts } from "@/lib/accounts/list-sub-accounts";
import { otherMethods } from "@/lib/api/problem";

export const GET = apiRoute(async ({ db, auth, query }) => {
  requirePrimary(auth);
  const q = query(pageQuery);
  const page = await listSubAccounts(db, auth.teamId, { limit: q.limit, cursor: q.cursor });
  const primary = await primaryAccount(db, auth.teamId);
  return json({ items: page.items.map((a) => subAccountJson(a, primary)), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ db, auth, body }) => {
  requirePrimary(auth);
  const input = body(createSubAccountBody);
  const { account, apiKey } = await createSubAccount(db, auth.teamId, input, auth.actor);
  const primary = await primaryAccount(db, auth.teamId);
  return json({ subAccount: { ...subAccountJson(account, primary), apiKey: apiKey!.key } }, 201);
});

// the other methods: a problem+json 405
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
