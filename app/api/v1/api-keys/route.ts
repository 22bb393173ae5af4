import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { createApiKeyBody, pageQuery } from "@/lib/api/schemas";
import { apiKeyJson, newApiKeyJson } from "@/lib/api/serialize";
import { createApiKey } from "@/lib/keys/create-api-key";
import { listApiKeys } from "@/lib/keys/list-api-keys";
import { otherMethods } from "@/lib/api/problem";

// The primary account's own keys: several live at once, so a partner rotates without downtime.
export const GET = apiRoute(async ({ db, auth, query }) => {
  requirePrimary(auth);
  const q = query(pageQuery);
  const page = await listApiKeys(db, auth.teamId, auth.account.id, { limit: q.limit, cursor: q.cursor });
  return json({ items: page.items.map(apiKeyJson), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async ({ db, auth, body }) => {
  requirePrimary(auth);
  const input = body(createApiKeyBody);
  const key = await createApiKey(db, auth.teamId, auth.account.id, { name: input.name, environment: input.environment }, auth.actor);
  return json({ apiKey: newApiKeyJson(key) }, 201);
});

// the other methods: a problem+json 405
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
