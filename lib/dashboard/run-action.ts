// The shape every dashboard server action shares: check the role on the server, run, map errors once.
import type { z } from "zod";
import type { Role } from "@/db/schema";
import { Invalid } from "@/lib/errors";
import { requireRole, type SessionUser } from "@/lib/auth/session";
import { errorToFormState, type FormState } from "./form-state";

export async function runAction(roles: readonly Role[], fn: (user: SessionUser) => Promise<FormState>): Promise<FormState> {
  let currency = "USD";
  try {
    const user = await requireRole(...roles);
    currency = user.currency;
    return { ok: true, at: Date.now(), ...(await fn(user)) };
  } catch (e) {
    return errorToFormState(e, currency);
  }
}

export function formString(form: FormData, name: string) {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

// Validate with a shared zod schema; a failure becomes Invalid naming each field, like the API's 422.
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
  throw new Invalid(fields);
}
