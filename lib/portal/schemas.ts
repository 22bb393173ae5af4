// Input schemas of the customer portal and its branding, shared by the forms and the domain functions.
import { z } from "zod";

export const portalBrandingSchema = z.strictObject({
  portalName: z.string().trim().max(80, "must be at most 80 characters").nullable().optional(),
  // only #rrggbb: the value lands in a style attribute, so nothing else gets through
  portalAccent: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #4f46e5")
    .nullable()
    .optional(),
});
export type PortalBrandingInput = z.input<typeof portalBrandingSchema>;

const day = z.union([z.literal(""), z.iso.date({ error: "must be a date (YYYY-MM-DD)" })]).optional();

// Date filters of the charges page and CSV export: [from, to] whole UTC days, both optional.
export const chargeRangeSchema = z
  .object({ from: day, to: day })
  .transform(({ from, to }) => ({
    from: from ? new Date(`${from}T00:00:00Z`) : undefined,
    // "to" is inclusive on screen: the query runs up to the next midnight
    to: to ? new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
  }))
  .refine((r) => !r.from || !r.to || r.from < r.to, { message: "must not be after the end date", path: ["from"] });

export const customerKeySchema = z.strictObject({
  name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  environment: z.enum(["live", "test"]).default("live"),
});
