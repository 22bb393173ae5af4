import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { updateWebhookBody } from "@/lib/webhooks/api-schemas";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { getWebhookEndpoint } from "@/lib/webhooks/list-webhook-endpoints";
import { endpointJson } from "@/lib/webhooks/serialize";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { otherMethods } from "@/lib/api/problem";

type P = { id: string };

export const GET = apiRoute<P>(async ({ db, auth, params }) => {
  requirePrimary(auth);
  return json({ webhook: endpointJson(await getWebhookEndpoint(db, auth.teamId, params.id)) });
});

export const PATCH = apiRoute<P>(async ({ db, auth, params, body }) => {
  requirePrimary(auth);
  const row = await updateWebhookEndpoint(db, auth.teamId, params.id, body(updateWebhookBody), auth.actor);
  return json({ webhook: endpointJson(row) });
});

export const DELETE = apiRoute<P>(async ({ db, auth, params }) => {
  requirePrimary(auth);
  await deleteWebhookEndpoint(db, auth.teamId, params.id, auth.actor);
  return new Response(null, { status: 204 });
});

// the other methods: a problem+json 405
export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
