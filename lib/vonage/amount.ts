// Vonage writes money as decimals in major units; Subledger keeps bigint minor units. The conversion goes
// through decimal text both ways, never through float arithmetic, so every cent survives the trip.
import { Invalid } from "@/lib/errors";
import { currencyDigits, MAX_AMOUNT } from "@/lib/money";

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

// A JSON number reaches us as a double; its shortest decimal text is exactly what a JavaScript client
// (the SDK) wrote on the wire, so reading that text loses nothing the client sent. Partners who need
// more than 15–17 significant digits send the amount as a string, which is read digit by digit.
export function parseMajorAmount(value: unknown, currency: string, field = "amount"): bigint {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : null;
  if (text === null) throw new Invalid({ [field]: "must be a decimal amount such as 40 or \"12.50\"" });
  if (text.startsWith("-")) throw new Invalid({ [field]: "must be positive" });
  const m = DECIMAL.exec(text);
  if (!m) throw new Invalid({ [field]: "must be a decimal amount such as 40 or \"12.50\"" });
  const digits = currencyDigits(currency);
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  if (fraction.length > digits)
    throw new Invalid({
      [field]: digits === 0 ? `${currency} has no minor unit; send a whole amount` : `${currency} has ${digits} decimal places; ${text} has more`,
    });
  const minor = BigInt(m[1] + fraction.padEnd(digits, "0"));
  if (minor <= 0n) throw new Invalid({ [field]: "must be positive" });
  if (minor > MAX_AMOUNT) throw new Invalid({ [field]: "is too large" });
  return minor;
}

// Minor units → the shortest decimal text in major units ("40", "12.5", "-0.01").
export function majorText(minor: bigint, currency: string): string {
  const digits = currencyDigits(currency);
  const neg = minor < 0n;
  const abs = neg ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString();
  const fraction = digits ? (abs % scale).toString().padStart(digits, "0").replace(/0+$/, "") : "";
  return `${neg ? "-" : ""}${whole}${fraction ? "." + fraction : ""}`;
}
