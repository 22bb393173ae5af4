// The wire contract of /v1/webhooks and /v1/events: query schemas the routes validate with, and the answer
// shapes the OpenAPI document shows (lib/webhooks/openapi.ts).
import { z } from "zod";
import { cursorQuery, limitQuery } from "@/lib/api/schemas";
import { EVENT_TYPES } from "./event-types";
import { createWebhookSchema, updateWebhookSchema } from "./schemas";

export const createWebhookBody = createWebhookSchema.meta({ id: "CreateWebhook" });
export const updateWebhookBody = updateWebhookSchema.meta({ id: "UpdateWebhook" });

export const eventListQuery = z.strictObject({
  limit: limitQuery,
  cursor: cursorQuery,
  type: z
    .string()
    .max(500)
    .transform((t) => t.split(",").map((s) => s.trim()).filter(Boolean))
    .optional()
    .meta({ description: `Comma-separated event types: ${EVENT_TYPES.join(", ")}` }),
  subAccountId: z.string().min(1).max(100).optional().meta({ description: "Only events about this sub-account" }),
});

export const deliveryListQuery = z.strictObject({
  limit: limitQuery,
  cursor: cursorQuery,
  status: z.enum(["pending", "delivered", "failed"]).optional(),
});

const iso = z.string().meta({ description: "ISO 8601 date-time" });

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    description: z.string().nullable(),
    secret: z.string().optional().meta({ description: "The signing secret, in the answer to create only" }),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: "WebhookEndpoint" });

export const deliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    responseCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: iso.nullable(),
    lastAttemptAt: iso.nullable(),
    createdAt: iso,
  })
  .meta({ id: "WebhookDelivery" });

export const eventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    accountId: z.string().nullable(),
    createdAt: iso,
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Event" });
