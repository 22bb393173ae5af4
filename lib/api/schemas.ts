// The native API's contract as zod schemas: the same objects validate requests in the route handlers and
// generate the OpenAPI document (lib/openapi), so the two cannot drift apart.
import { z } from "zod";
import { amountSchema, createSubAccountSchema, metadataSchema, updateSubAccountSchema } from "@/lib/accounts/schemas";

export { amountSchema };

// ---- query strings (every value arrives as a string) ----

const intString = (field: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`)
    .meta({ description: `${field}, ${min}–${max}` });

export const limitQuery = intString("Page size", 1, 100).optional();
export const cursorQuery = z.string().min(1, "must not be empty").max(40, "is not a cursor this API gave out").optional().meta({ description: "The nextCursor of the previous page" });

// ISO 8601 date (YYYY-MM-DD, midnight UTC) or date-time with an offset.
export const isoDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "must be an ISO 8601 date or date-time" })
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s))
  .meta({ description: "ISO 8601 date (midnight UTC) or date-time" });

export const pageQuery = z.strictObject({ limit: limitQuery, cursor: cursorQuery });

const accountId = z.string().min(1, "must not be empty").max(100, "is too long");

export const chargeListQuery = z.strictObject({
  subAccountId: accountId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: limitQuery,
  cursor: cursorQuery,
});

export const transferTypes = ["credit", "balance", "top_up"] as const;
export const transferListQuery = z.strictObject({
  type: z.enum(transferTypes, { error: "must be credit, balance or top_up" }).optional(),
  subAccountId: accountId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: limitQuery,
  cursor: cursorQuery,
});

export const spendReportQuery = z.strictObject({
  from: isoDate,
  to: isoDate,
  granularity: z.enum(["day", "month"], { error: "must be day or month" }).optional(),
  subAccountId: accountId.optional(),
});

// ---- request bodies ----

export const createSubAccountBody = createSubAccountSchema.meta({ id: "CreateSubAccount" });

// Zavu's status is active|inactive; Subledger adds suspension, as `suspended: true|false` or status "suspended".
export const updateSubAccountBody = updateSubAccountSchema
  .extend({ suspended: z.boolean({ error: "must be true or false" }).optional() })
  .refine((b) => !(b.suspended !== undefined && b.status !== undefined && (b.status === "suspended") !== b.suspended), {
    path: ["suspended"],
    message: "contradicts status",
  })
  .meta({ id: "UpdateSubAccount" });

export const createApiKeyBody = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters").optional(),
    environment: z.enum(["live", "test"], { error: "must be live or test" }).optional(),
    // Zavu's SDK may send permissions; a Subledger key always carries its account's full access.
    permissions: z.array(z.string().max(100)).max(50).optional(),
  })
  .meta({ id: "CreateApiKey" });

export const chargeBody = z
  .strictObject({
    amount: amountSchema,
    description: z.string().max(500, "must be at most 500 characters").nullish(),
    metadata: metadataSchema.optional(),
    subAccountId: accountId.optional(),
    idempotencyKey: z.string().min(1, "must not be empty").max(255, "must be at most 255 characters").optional(),
  })
  .meta({ id: "CreateCharge" });

const reference = z.string().max(200, "must be at most 200 characters").nullish();

export const topUpBody = z.strictObject({ amount: amountSchema, reference }).meta({ id: "CreateTopUp" });

export const transferBody = z
  .strictObject({
    type: z.enum(["credit", "balance"], { error: "must be credit or balance" }),
    from: accountId.meta({ description: "Account id, or \"primary\" for the primary account" }),
    to: accountId.meta({ description: "Account id, or \"primary\" for the primary account" }),
    amount: amountSchema,
    reference,
  })
  .meta({ id: "CreateTransfer" });

// ---- responses ----

const isoString = z.string().meta({ format: "date-time" });
const epochMs = z.number().int().meta({ description: "Epoch milliseconds" });

export const subAccountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(["active", "inactive"]),
    totalSpent: z.number().int(),
    creditLimit: z.number().int().nullable(),
    externalId: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: isoString,
    apiKey: z.string().optional().meta({ description: "The first API key; only in the answer to create" }),
    balanceMode: z.enum(["shared", "own"]),
    balance: z.number().int().nullable().meta({ description: "Own balance; null for a shared sub-account" }),
    suspended: z.boolean(),
    lifecycle: z.enum(["active", "suspended", "deactivated", "scheduled_for_deletion"]),
    deleteAfter: isoString.nullable(),
    available: z.number().int().optional().meta({ description: "What a charge may take right now" }),
    updatedAt: isoString,
  })
  .meta({ id: "SubAccount" });

export const balanceSchema = z
  .object({
    balance: z.number().int(),
    currency: z.string(),
    creditLimit: z.number().int().nullable(),
    totalSpent: z.number().int(),
    isSubAccount: z.boolean().optional(),
    balanceMode: z.enum(["shared", "own"]).optional(),
    available: z.number().int(),
  })
  .meta({ id: "Balance" });

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    keyPrefix: z.string(),
    environment: z.enum(["live", "test"]),
    createdAt: epochMs,
    lastUsedAt: epochMs.nullable(),
    revokedAt: epochMs.nullable(),
  })
  .meta({ id: "ApiKey" });

export const newApiKeySchema = z
  .object({ id: z.string(), name: z.string(), environment: z.enum(["live", "test"]), key: z.string(), keyPrefix: z.string(), createdAt: epochMs })
  .meta({ id: "NewApiKey" });

export const chargeSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    amount: z.number().int(),
    description: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    idempotencyKey: z.string().nullable(),
    createdAt: isoString,
  })
  .meta({ id: "Charge" });

export const transferSchema = z
  .object({
    id: z.string(),
    type: z.enum(transferTypes),
    from: z.string().nullable().meta({ description: "Source account; null for a top-up (money from outside)" }),
    to: z.string(),
    amount: z.number().int(),
    reference: z.string().nullable(),
    createdAt: isoString,
  })
  .meta({ id: "Transfer" });

export const spendReportSchema = z
  .object({
    from: isoString,
    to: isoString,
    granularity: z.enum(["day", "month"]),
    currency: z.string(),
    total: z.number().int(),
    periods: z.array(
      z.object({
        period: z.string().meta({ description: "YYYY-MM-DD (months as their first day), UTC" }),
        total: z.number().int(),
        byAccount: z.record(z.string(), z.number().int()),
      }),
    ),
  })
  .meta({ id: "SpendReport" });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    message: z.string().meta({ description: "Same as detail; what the Zavu SDK shows" }),
    instance: z.string().optional(),
    errors: z.record(z.string(), z.string()).optional().meta({ description: "Each bad field and what is wrong with it" }),
    available: z.number().int().optional().meta({ description: "With 402: what could have been taken" }),
  })
  .meta({ id: "Problem" });

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
