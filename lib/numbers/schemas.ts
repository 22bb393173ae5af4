// Phone numbers as Vonage writes them: digits only (an optional leading + is dropped), with an ISO 3166 country.
import { z } from "zod";
import type { numbers } from "@/db/schema";

export type PhoneNumber = typeof numbers.$inferSelect;

export const msisdnSchema = z
  .string({ error: "is required" })
  .trim()
  .regex(/^\+?\d{3,15}$/, "must be 3 to 15 digits, such as 447700900001")
  .transform((n) => n.replace(/^\+/, ""));

export const countrySchema = z
  .string({ error: "is required" })
  .trim()
  .regex(/^[A-Za-z]{2}$/, "must be a two-letter ISO 3166 country code, such as GB")
  .transform((c) => c.toUpperCase());

export const addNumberBody = z.strictObject({
  number: msisdnSchema,
  country: countrySchema,
  subAccountId: z.string().min(1).max(100).nullish(),
});

export const assignNumberBody = z.strictObject({
  // null gives the number back to the primary account
  subAccountId: z.string({ error: "must be a sub-account id or null" }).min(1).max(100).nullable(),
});

export const listNumbersQuery = z.strictObject({
  subAccountId: z.string().min(1).max(100).optional(),
  limit: z.coerce.number({ error: "must be a whole number from 1 to 100" }).int("must be a whole number from 1 to 100").min(1, "must be a whole number from 1 to 100").max(100, "must be a whole number from 1 to 100").optional(),
  cursor: z.string().max(200).optional(),
});
