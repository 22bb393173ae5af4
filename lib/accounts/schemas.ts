// Input schemas for sub-accounts, shared by the REST API, the Vonage dialect and the dashboard forms.
import { z } from "zod";

export const amountSchema = z
  .number({ error: "must be a number" })
  .int("must be a whole number of minor units")
  .positive("must be positive")
  .max(Number.MAX_SAFE_INTEGER, "is too large");

export const limitSchema = z
  .number({ error: "must be a number" })
  .int("must be a whole number of minor units")
  .min(0, "must be zero or more")
  .max(Number.MAX_SAFE_INTEGER, "is too large");

export const metadataSchema = z
  .record(z.string().max(100), z.unknown())
  .refine((m) => JSON.stringify(m).length <= 8192, "must be at most 8 KiB of JSON");

export const nameSchema = z.string().trim().min(1, "is required").max(200, "must be at most 200 characters");
export const externalIdSchema = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

export const createSubAccountSchema = z.strictObject({
  name: nameSchema,
  externalId: externalIdSchema.nullish(),
  creditLimit: limitSchema.nullish(),
  metadata: metadataSchema.optional(),
  balanceMode: z.enum(["shared", "own"]).optional(),
});
export type CreateSubAccountInput = z.infer<typeof createSubAccountSchema>;

export const updateSubAccountSchema = z.strictObject({
  name: nameSchema.optional(),
  externalId: externalIdSchema.nullish(),
  creditLimit: limitSchema.nullish(),
  metadata: metadataSchema.optional(),
  status: z.enum(["active", "inactive", "suspended"]).optional(),
  balanceMode: z.literal("own", { error: "can only be changed to own; own-balance accounts cannot go back to shared" }).optional(),
});
export type UpdateSubAccountInput = z.infer<typeof updateSubAccountSchema>;
