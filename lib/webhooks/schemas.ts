// Input schemas for webhook endpoints, shared by /v1/webhooks and the dashboard's settings form.
import { z } from "zod";
import { EVENT_TYPES } from "./event-types";

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === "https:" || p === "http:";
    } catch {
      return false;
    }
  }, "must be an http or https URL");

export const webhookEventsSchema = z
  .array(z.enum(["*", ...EVENT_TYPES], { error: `must be "*" or one of ${EVENT_TYPES.join(", ")}` }))
  .min(1, "subscribe to at least one event type")
  .transform((e) => [...new Set(e)]);

export const createWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  events: webhookEventsSchema.default(["*"]),
  description: z.string().trim().max(500, "must be at most 500 characters").nullish(),
  active: z.boolean().optional(),
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const updateWebhookSchema = z.strictObject({
  url: webhookUrlSchema.optional(),
  events: webhookEventsSchema.optional(),
  description: z.string().trim().max(500, "must be at most 500 characters").nullish(),
  active: z.boolean().optional(),
});
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;
