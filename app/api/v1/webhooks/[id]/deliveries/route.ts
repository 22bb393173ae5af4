import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { deliveryListQuery } from "@/lib/webhooks/api-schemas";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { deliveryJson } from "@/lib/webhooks/serialize";
import { otherMethods } from "@/lib/api/problem";

export const GET = apiRoute<{ id: string }>(async ({ db, auth, params, query }) => {
  requirePrimary(auth);
  const q = query(deliveryListQuery);
  const page = await listWebhookDeliveries(db, auth.teamId, params.id, q);
  return json({ items: page.items.map(deliveryJson), nextCursor: page.nextCursor });
});

// the other methods: a problem+json 405
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
