// The shape every dashboard server action shares: check the role on the server, run, map errors once.
import type { Role } from "@/db/schema";
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
