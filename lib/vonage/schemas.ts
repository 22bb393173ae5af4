// Inputs of the Vonage dialect, as the SDK sends them (snake_case; amounts as numbers or numeric strings).
import { z } from "zod";
import { nameSchema } from "@/lib/accounts/schemas";
import { countrySchema, msisdnSchema } from "@/lib/numbers/schemas";

// Vonage's rule for a secret a partner chooses.
export const secretSchema = z
  .string({ error: "must be a string" })
  .min(8, "must be 8 to 25 characters")
  .max(25, "must be 8 to 25 characters")
  .regex(/[a-z]/, "must contain a lower-case letter")
  .regex(/[A-Z]/, "must contain an upper-case letter")
  .regex(/[0-9]/, "must contain a digit");

export const createSubAccountBody = z.strictObject({
  name: nameSchema,
  secret: secretSchema.optional(),
  use_primary_account_balance: z.boolean({ error: "must be true or false" }).optional(),
});

export const updateSubAccountBody = z.strictObject({
  name: nameSchema.optional(),
  suspended: z.boolean({ error: "must be true or false" }).optional(),
  use_primary_account_balance: z.boolean({ error: "must be true or false" }).optional(),
});

const accountKey = z.string({ error: "is required" }).trim().min(1, "is required").max(100, "is too long");

export const transferBody = z.strictObject({
  from: accountKey,
  to: accountKey,
  // parsed to minor units against the team's currency by parseMajorAmount
  amount: z.union([z.number(), z.string()], { error: "must be a decimal amount such as 40 or \"12.50\"" }),
  reference: z.string().max(255, "must be at most 255 characters").nullish(),
});

const dateParam = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO 8601 date or date-time" });

// The API names the filter `subaccount`; the SDK's credit-transfer types send it as `sub`. Both are read.
export const transferListQuery = z
  .object({
    start_date: dateParam,
    end_date: dateParam.optional(),
    subaccount: accountKey.optional(),
    sub: accountKey.optional(),
  })
  .refine((q) => !(q.sub && q.subaccount && q.sub !== q.subaccount), { message: "give one sub-account filter: subaccount or sub", path: ["subaccount"] })
  .transform((q) => ({ from: new Date(q.start_date), to: q.end_date ? new Date(q.end_date) : undefined, accountId: q.subaccount ?? q.sub }));

export const numberTransferBody = z.strictObject({
  from: accountKey,
  to: accountKey,
  number: msisdnSchema,
  country: countrySchema,
});
