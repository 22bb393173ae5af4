// The /v1/webhooks and /v1/events operations for the OpenAPI document (lib/openapi/operations.ts spreads them in).
import { z } from "zod";
import type { Operation } from "@/lib/openapi/operations";
import { pageQuery } from "@/lib/api/schemas";
import { createWebhookBody, deliveryListQuery, deliverySchema, eventListQuery, eventSchema, updateWebhookBody, webhookSchema } from "./api-schemas";

const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const webhookEnvelope = z.object({ webhook: webhookSchema });

export const webhookOperations: Operation[] = [
  {
    method: "get",
    path: "/v1/webhooks",
    operationId: "listWebhooks",
    tag: "Webhooks",
    summary: "List webhook endpoints",
    access: "primary",
    query: pageQuery,
    success: { status: 200, description: "Every endpoint of the team", schema: page(webhookSchema) },
  },
  {
    method: "post",
    path: "/v1/webhooks",
    operationId: "createWebhook",
    tag: "Webhooks",
    summary: "Register a webhook endpoint",
    description:
      'events: "*" or a list of event types. Each delivery is a POST of the event as JSON with `Subledger-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed by the secret, which this answer shows once. Failed deliveries are retried with exponential backoff for about a day.',
    access: "primary",
    body: createWebhookBody,
    success: { status: 201, description: "Created; webhook.secret is shown this once", schema: webhookEnvelope },
  },
  {
    method: "get",
    path: "/v1/webhooks/{id}",
    operationId: "getWebhook",
    tag: "Webhooks",
    summary: "Retrieve a webhook endpoint (id: the endpoint's id)",
    access: "primary",
    success: { status: 200, description: "The endpoint", schema: webhookEnvelope },
    errors: [404],
  },
  {
    method: "patch",
    path: "/v1/webhooks/{id}",
    operationId: "updateWebhook",
    tag: "Webhooks",
    summary: "Change a webhook endpoint's URL, events, description or active flag",
    access: "primary",
    body: updateWebhookBody,
    success: { status: 200, description: "The endpoint", schema: webhookEnvelope },
    errors: [404],
  },
  {
    method: "delete",
    path: "/v1/webhooks/{id}",
    operationId: "deleteWebhook",
    tag: "Webhooks",
    summary: "Delete a webhook endpoint and its delivery history",
    access: "primary",
    success: { status: 204, description: "Deleted" },
    errors: [404],
  },
  {
    method: "get",
    path: "/v1/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    tag: "Webhooks",
    summary: "An endpoint's deliveries, newest first, with status and response code",
    access: "primary",
    query: deliveryListQuery,
    success: { status: 200, description: "One page", schema: page(deliverySchema) },
    errors: [404],
  },
  {
    method: "post",
    path: "/v1/webhooks/{id}/deliveries/{deliveryId}/resend",
    operationId: "resendWebhookDelivery",
    tag: "Webhooks",
    summary: "Send a delivery again now, with a fresh day of retries",
    access: "primary",
    success: { status: 202, description: "Queued", schema: z.object({ delivery: deliverySchema }) },
    errors: [404],
  },
  {
    method: "get",
    path: "/v1/events",
    operationId: "listEvents",
    tag: "Events",
    summary: "The team's events (alerts, suspensions, transfers), newest first",
    access: "primary",
    query: eventListQuery,
    success: { status: 200, description: "One page", schema: page(eventSchema) },
  },
];
