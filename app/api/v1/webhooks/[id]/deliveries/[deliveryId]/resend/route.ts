import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";
import { deliveryJson } from "@/lib/webhooks/serialize";
import { otherMethods } from "@/lib/api/problem";

// Queued, not sent inline: the delivery worker sends it within a second or so.
export const POST = apiRoute<{ id: string; deliveryId: string }>(async ({ db, auth, params }) => {
  requirePrimary(auth);
  const row = await resendWebhookDelivery(db, auth.teamId, params.id, params.deliveryId, auth.actor);
  return json({ delivery: deliveryJson(row) }, 202);
});

// the other methods: a problem+json 405
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
