// Wire shapes of webhook endpoints, deliveries and events (camelCase, ISO times, string ids for bigint keys).
import type { InferSelectModel } from "drizzle-orm";
import type { events, webhookDeliveries, webhookEndpoints } from "@/db/schema";

export type WebhookEndpoint = InferSelectModel<typeof webhookEndpoints>;
export type WebhookDelivery = InferSelectModel<typeof webhookDeliveries>;
export type OutboxEvent = InferSelectModel<typeof events>;

// The secret is part of the answer only when it is created (shown once, like an API key).
export function endpointJson(e: WebhookEndpoint, opts: { withSecret?: boolean } = {}) {
  return {
    id: e.id,
    url: e.url,
    events: e.events,
    active: e.active,
    description: e.description,
    ...(opts.withSecret ? { secret: e.secret } : {}),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function deliveryJson(d: WebhookDelivery) {
  return {
    id: String(d.id),
    endpointId: d.endpointId,
    eventId: String(d.eventId),
    status: d.status,
    attempts: d.attempts,
    responseCode: d.responseCode,
    lastError: d.lastError,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

// Also the body every delivery of the event sends, byte for byte the same on each attempt.
export function eventJson(e: OutboxEvent) {
  return {
    id: String(e.id),
    type: e.type,
    accountId: e.accountId,
    createdAt: e.createdAt.toISOString(),
    data: e.data,
  };
}
