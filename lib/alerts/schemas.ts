// Input schemas for alert settings, shared by the dashboard forms and any API that edits them.
import { z } from "zod";
import { fieldErrors } from "@/lib/api/body";
import { Invalid } from "@/lib/errors";

// Domain functions validate their own input, so every surface gets the same typed Invalid with field names.
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new Invalid(fieldErrors(r.error));
  return r.data;
}

export const alertMarksSchema = z
  .array(z.number({ error: "must be a number" }).int("must be a whole percent").min(1, "must be at least 1").max(100, "must be at most 100"))
  .max(10, "at most 10 marks")
  .refine((m) => new Set(m).size === m.length, "must not repeat a mark")
  .transform((m) => [...m].sort((a, b) => a - b));

export const teamAlertSettingsSchema = z.strictObject({
  thresholds: alertMarksSchema.optional(),
  // minor units; the primary's balance falling below it fires team.low_balance (null turns it off)
  lowBalanceThreshold: z
    .number({ error: "must be a number" })
    .int("must be a whole number of minor units")
    .min(-Number.MAX_SAFE_INTEGER, "is too small")
    .max(Number.MAX_SAFE_INTEGER, "is too large")
    .nullable()
    .optional(),
});
export type TeamAlertSettingsInput = z.input<typeof teamAlertSettingsSchema>;

export const subAccountAlertSettingsSchema = z.strictObject({
  // null: follow the team's defaults
  thresholds: alertMarksSchema.nullable(),
});
export type SubAccountAlertSettingsInput = z.input<typeof subAccountAlertSettingsSchema>;
