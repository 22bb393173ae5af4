// JSON answers of the Vonage dialect. Amounts are written as decimal number literals taken from exact
// decimal text: a JavaScript number cannot hold every cent of 90071992547409.91, the JSON text can.
import { randomBytes } from "node:crypto";
import { majorText } from "./amount";

// A per-process marker no client-supplied string can guess, so only our amounts become raw numbers.
const MARK = `__decimal_${randomBytes(12).toString("hex")}__`;
const MARKED = new RegExp(`"${MARK}(-?\\d+(?:\\.\\d+)?)"`, "g");

export class Decimal {
  constructor(readonly text: string) {}
  toJSON() {
    return MARK + this.text;
  }
}

export function major(minor: bigint, currency: string): Decimal {
  return new Decimal(majorText(minor, currency));
}

export function stringify(body: unknown): string {
  return JSON.stringify(body).replace(MARKED, "$1");
}

// The SDK decodes a body only when its content type is application/json.
export function vonageJson(body: unknown, status = 200): Response {
  return new Response(stringify(body), { status, headers: { "content-type": "application/json" } });
}
