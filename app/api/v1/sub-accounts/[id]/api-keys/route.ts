import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { createApiKeyBody, pageQuery } from "@/lib/api/schemas";
import { apiKeyJson, newApiKeyJson } from "@/lib/api/serialize";
import { getSubAccount } from "@/lib/accounts/get-account";
import { AccountNotActive } from "@/lib/errors";
import { createApiKey } from "@/lib/keys/create-api-key";
import { listApiKeys } from "@/lib/keys/list-api-keys";
import { otherMethods } from "@/lib/api/problem";

type P = { id: string };

export const GET = apiRoute<P>(async ({ db, auth, params, query }) => {
  requirePrimary(auth);
  const q = query(pageQuery);
  const sub = await getSubAccount(db, auth.teamId, params.id);
  const page = await listApiKeys(db, auth.teamId, sub.id, { limit: q.limit, cursor: q.cursor });
  return json({ items: page.items.map(apiKeyJson), nextCursor: page.nextCursor });
});

export const POST = apiRoute<P>(async ({ db, auth, params, body }) => {
  requirePrimary(auth);
  const input = body(createApiKeyBody);
  const sub = await getSubAccount(db, auth.teamId, params.id);
  // a key of a deactivated account could never authenticate: reactivate it (status "active") first
  if (sub.status === "deactivated") throw new AccountNotActive(sub.id, "inactive");
  const key = await createApiKey(db, auth.teamId, sub.id, { name: input.name, environment: input.environment }, auth.actor);
  return json({ apiKey: newApiKeyJson(key) }, 201);
});

// the other methods: a problem+json 405
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
