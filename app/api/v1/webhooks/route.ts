import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { createWebhookBody } from "@/lib/webhooks/api-schemas";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { endpointJson } from "@/lib/webhooks/serialize";
import { otherMethods } from "@/lib/api/problem";

// A team has few endpoints: one page, always.
export const GET = apiRoute(async ({ db, auth }) => {
  requirePrimary(auth);
  const rows = await listWebhookEndpoints(db, auth.teamId);
  return json({ items: rows.map((e) => endpointJson(e)), nextCursor: null });
});

// The signing secret is in this answer only.
export const POST = apiRoute(async ({ db, auth, body }) => {
  requirePrimary(auth);
  const row = await createWebhookEndpoint(db, auth.teamId, body(createWebhookBody), auth.actor);
  return json({ webhook: endpointJson(row, { withSecret: true }) }, 201);
});

// the other methods: a problem+json 405
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
