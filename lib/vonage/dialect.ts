// The Vonage dialect of apiRoute: HTTP Basic `api_key:secret` for a primary account named in the path,
// and errors as Vonage's RFC 7807 problems with the statuses Vonage uses.
import type { Dialect } from "@/lib/api/route";
import { errorToProblem, HttpError, problemResponse } from "@/lib/api/problem";
import {
  AccountNotActive,
  AmountOutOfRange,
  Conflict,
  CreditLimitExceeded,
  DomainError,
  Forbidden,
  Invalid,
  NotFound,
  TransferRefused,
  Unauthorized,
} from "@/lib/errors";
import { verifyAccountSecret } from "@/lib/keys/verify-api-key";

const GENERIC = "https://developer.vonage.com/api-errors";
const SUBACCOUNTS = "https://developer.vonage.com/api-errors/subaccounts";

export function parseBasicAuth(header: string | null): { apiKey: string; secret: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? "");
  if (!m) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  return { apiKey: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

type VonageProblem = { status: number; type: string; title: string; detail: string; code: string; invalid_parameters?: { name: string; reason: string }[] };

function invalidParameters(fields: Record<string, string> | undefined) {
  return fields ? Object.entries(fields).map(([name, reason]) => ({ name, reason })) : undefined;
}

function classify(e: unknown, instance: string): VonageProblem | null {
  if (e instanceof HttpError) {
    if (e.status === 422)
      return { status: 422, type: `${SUBACCOUNTS}#validation`, title: "Bad Request", detail: e.message, code: e.code, invalid_parameters: invalidParameters(e.fields) };
    return { status: e.status, type: `${GENERIC}#${e.code.replace(/_/g, "-")}`, title: e.status === 400 ? "Bad Request" : e.status === 404 ? "Not Found" : "Request refused", detail: e.message, code: e.code };
  }
  if (!(e instanceof DomainError)) return null;
  if (e instanceof Unauthorized)
    return { status: 401, type: `${GENERIC}#unauthorized`, title: "Invalid credentials supplied", detail: "You did not provide correct credentials.", code: e.code };
  if (e instanceof Forbidden) return { status: 403, type: `${GENERIC}#forbidden`, title: "Forbidden", detail: e.message, code: e.code };
  if (e instanceof CreditLimitExceeded || e instanceof TransferRefused || e instanceof AccountNotActive)
    return { status: 403, type: `${SUBACCOUNTS}#invalid-transfers`, title: "Invalid Transfer", detail: e.message, code: e.code };
  if (e instanceof NotFound) return { status: 404, type: `${GENERIC}#not-found`, title: "Not Found", detail: e.message, code: e.code };
  if (e instanceof Conflict) {
    const numbers = instance.endsWith("/transfer-number");
    return { status: 409, type: numbers ? `${SUBACCOUNTS}#transfer-conflict` : `${GENERIC}#conflict`, title: "Conflict", detail: e.message, code: e.code };
  }
  if (e instanceof Invalid || e instanceof AmountOutOfRange)
    return { status: 422, type: `${SUBACCOUNTS}#validation`, title: "Bad Request", detail: e.message, code: e.code, invalid_parameters: invalidParameters(e.fields) };
  return { status: 400, type: `${GENERIC}#bad-request`, title: "Bad Request", detail: e.message, code: e.code };
}

export function vonageProblem(e: unknown, instance: string): Response {
  const p = classify(e, instance);
  // anything that is not ours to explain (database down, bugs) keeps the shared mapping: 503 or 500
  if (!p) return errorToProblem(e, instance);
  const { invalid_parameters, ...rest } = p;
  return problemResponse({ ...rest, instance, ...(invalid_parameters ? { invalid_parameters } : {}) });
}

export const vonageDialect: Dialect = {
  async authenticate(req, db, params) {
    const creds = parseBasicAuth(req.headers.get("authorization"));
    if (!creds) throw new Unauthorized("Send HTTP Basic credentials: your api_key and secret");
    const authed = await verifyAccountSecret(db, creds.apiKey, creds.secret);
    // a sub-account's own credentials never act for its primary, and a primary acts only for itself
    if (authed.account.kind !== "primary") throw new Forbidden("Sub-account credentials cannot manage subaccounts; use the primary account's api_key and secret");
    if (params.api_key !== authed.account.id) throw new Forbidden(`The credentials are not those of account ${params.api_key}`);
    return authed;
  },
  toResponse: vonageProblem,
};
