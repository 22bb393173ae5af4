// Amounts typed by people ("40", "1,250.5") to integer minor units, by string arithmetic: never a float.
import { amountSchema, limitSchema } from "@/lib/accounts/schemas";
import { Invalid } from "@/lib/errors";
import { currencyDigits, MAX_AMOUNT } from "@/lib/money";

export function parseMoneyInput(raw: string, currency: string): { ok: true; minor: bigint } | { ok: false; error: string } {
  const digits = currencyDigits(currency);
  const s = raw.trim().replace(/[,\s_]/g, "");
  const m = /^(\d{1,16})(?:\.(\d*))?$/.exec(s);
  if (!m) return { ok: false, error: "must be an amount such as 40 or 12.50" };
  const frac = m[2] ?? "";
  if (frac.length > digits) return { ok: false, error: digits ? `must have at most ${digits} decimals` : "must be a whole amount" };
  const minor = BigInt(m[1]) * 10n ** BigInt(digits) + BigInt((frac + "0".repeat(digits)).slice(0, digits) || "0");
  return { ok: true, minor };
}

// Minor units back to the plain decimal a person would type (for pre-filled inputs).
export function minorToInput(minor: bigint, currency: string) {
  const digits = currencyDigits(currency);
  const neg = minor < 0n;
  const abs = neg ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  return `${neg ? "-" : ""}${abs / scale}${digits ? "." + String(abs % scale).padStart(digits, "0") : ""}`;
}

// A positive amount field of a form, checked by the API's own amount schema; throws Invalid naming the field.
export function readAmount(raw: string, currency: string, field = "amount"): bigint {
  const parsed = parseMoneyInput(raw, currency);
  if (!parsed.ok) throw new Invalid({ [field]: parsed.error });
  if (parsed.minor > MAX_AMOUNT) throw new Invalid({ [field]: "is too large" });
  const checked = amountSchema.safeParse(Number(parsed.minor));
  if (!checked.success) throw new Invalid({ [field]: checked.error.issues[0].message });
  return parsed.minor;
}

// A limit field: zero or more; empty means "no cap" where the caller allows it.
export function readLimit(raw: string, currency: string, field = "creditLimit"): bigint | null {
  if (!raw.trim()) return null;
  const parsed = parseMoneyInput(raw, currency);
  if (!parsed.ok) throw new Invalid({ [field]: parsed.error });
  if (parsed.minor > MAX_AMOUNT) throw new Invalid({ [field]: "is too large" });
  const checked = limitSchema.safeParse(Number(parsed.minor));
  if (!checked.success) throw new Invalid({ [field]: checked.error.issues[0].message });
  return parsed.minor;
}
