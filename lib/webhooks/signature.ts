// Webhook signatures. Every delivery carries
//   Subledger-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the endpoint secret>
// A receiver verifies it over the raw body bytes (before any JSON parsing), refuses stale timestamps
// (replays), and compares in constant time. In Node:
//
//   import { verifySignature } from "subledger/lib/webhooks/signature"; // or copy the function below
//   const ok = verifySignature(process.env.SUBLEDGER_WEBHOOK_SECRET!, req.headers["subledger-signature"], rawBody);
//   if (!ok) return res.writeHead(400).end();
//
// Deliveries are at least once: a delivery whose answer was lost is sent again with the same
// Subledger-Event-Id, so receivers deduplicate on that id.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Subledger-Signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function generateWebhookSecret() {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export function computeSignature(secret: string, timestamp: number, body: string) {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, body: string, now: Date = new Date()) {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${computeSignature(secret, t, body)}`;
}

// True iff the header carries a v1 signature of this body by this secret, made within the tolerance of now.
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  opts: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  if (!header) return false;
  let t: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(",")) {
    const [k, v] = part.trim().split("=", 2);
    if (k === "t" && /^\d{1,12}$/.test(v ?? "")) t = Number(v);
    else if (k === "v1" && /^[0-9a-f]{64}$/.test(v ?? "")) candidates.push(v);
  }
  if (t === null || !candidates.length) return false;
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(computeSignature(secret, t, body), "hex");
  return candidates.some((c) => timingSafeEqual(expected, Buffer.from(c, "hex")));
}
