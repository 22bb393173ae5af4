// What a dashboard form gets back from its server action, and the one place domain errors become form errors.
import { AccountNotActive, AmountOutOfRange, Conflict, CreditLimitExceeded, DomainError, Forbidden, Invalid, NotFound, TransferRefused, Unauthorized } from "@/lib/errors";
import { formatMoney } from "@/lib/money";

export type FormState = {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
  // a secret to show once (API key, invite link), or the id of what was created
  secret?: string;
  createdId?: string;
  // bumps on every answer so forms can reset themselves after success
  at?: number;
};

export const initialFormState: FormState = {};

export function errorToFormState(e: unknown, currency: string): FormState {
  const at = Date.now();
  if (e instanceof Invalid) return { ok: false, fields: e.fields, message: "Please correct the highlighted fields.", at };
  if (e instanceof TransferRefused)
    return {
      ok: false,
      at,
      fields: { amount: `at most ${formatMoney(e.available, currency)} can move` },
      message: e.available === 0n && /own balance first/.test(e.message) ? e.message.replace(/Sub-account \S+/, "This sub-account") : `Refused: ${refusalReason(e)}`,
    };
  if (e instanceof CreditLimitExceeded)
    return { ok: false, at, message: `Refused: only ${formatMoney(e.available, currency)} is available`, fields: { amount: `at most ${formatMoney(e.available, currency)}` } };
  if (e instanceof AccountNotActive) return { ok: false, at, message: `Refused: the account is ${e.status}` };
  if (e instanceof AmountOutOfRange || e instanceof Conflict || e instanceof NotFound || e instanceof Forbidden || e instanceof Unauthorized)
    return { ok: false, at, message: e.message };
  if (e instanceof DomainError) return { ok: false, at, message: e.message };
  // digest-bearing Next.js control flow (redirect, notFound) must propagate, not become a message
  if (e && typeof e === "object" && "digest" in e) throw e;
  console.error(e);
  return { ok: false, at, message: "Something went wrong on our side; nothing was changed. Try again." };
}

// The rule behind a refused transfer, said the way the money model says it.
function refusalReason(e: TransferRefused) {
  if (e.message.startsWith("Credit transfer")) return "the source must keep enough credit to cover its own debt";
  return "the source may not go past its credit limit";
}
