// Money is bigint minor units inside; plain integers at the native API edge, bounded to exact doubles.
export const MAX_AMOUNT = BigInt(Number.MAX_SAFE_INTEGER);

export function inRange(v: bigint) {
  return v <= MAX_AMOUNT && v >= -MAX_AMOUNT;
}

export function toNumber(v: bigint): number;
export function toNumber(v: bigint | null): number | null;
export function toNumber(v: bigint | null) {
  return v === null ? null : Number(v);
}

export function minBig(...xs: bigint[]) {
  return xs.reduce((a, b) => (b < a ? b : a));
}

export function maxBig(...xs: bigint[]) {
  return xs.reduce((a, b) => (b > a ? b : a));
}

const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string) {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

export function formatMoney(minor: bigint | number, currency: string, locale = "en-US") {
  const digits = currencyDigits(currency);
  const v = typeof minor === "bigint" ? minor : BigInt(minor);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const scale = 10n ** BigInt(digits);
  // Format via a decimal string so large amounts stay exact (Intl accepts numeric strings).
  const str = `${neg ? "-" : ""}${abs / scale}${digits ? "." + String(abs % scale).padStart(digits, "0") : ""}`;
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(str as unknown as number);
}
