// problem+json answers (RFC 7807) for the native API, and the one mapping from domain errors to them.
import { AccountNotActive, AmountOutOfRange, Conflict, CreditLimitExceeded, DomainError, Forbidden, Invalid, NotFound, TransferRefused, Unauthorized } from "@/lib/errors";
import { pgCode } from "@/db/errors";

// Errors of the HTTP layer itself (bad JSON, oversized body), not of the domain.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  message: string;
  instance?: string;
  errors?: Record<string, string>;
  [extra: string]: unknown;
};

const titles: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  402: "Payment required",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable entity",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export type ProblemInput = { status: number; code: string; detail: string; instance?: string; title?: string; type?: string; errors?: Record<string, string>; [extra: string]: unknown };

export function problemResponse(p: ProblemInput, headers: Record<string, string> = {}) {
  const body: Problem = {
    type: p.type ?? `https://subledger.dev/problems/${p.code.replace(/_/g, "-")}`,
    title: p.title ?? titles[p.status] ?? "Error",
    ...p,
    message: p.detail,
  };
  // The Zavu SDK retries 408/409/429/5xx; tell it not to where a retry cannot help.
  const noRetry: Record<string, string> = p.status === 409 || p.status === 500 ? { "x-should-retry": "false" } : {};
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { "content-type": "application/problem+json", ...noRetry, ...headers },
  });
}

const unavailableCodes = new Set(["ECONNREFUSED", "ECONNRESET", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "EPIPE", "ETIMEDOUT", "ENOTFOUND"]);

// Drizzle wraps driver errors (cause chains), so every link is looked at.
export function isDatabaseUnavailable(e: unknown) {
  const code = pgCode(e);
  if (code && (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300")) return true;
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === "string" && unavailableCodes.has(c)) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

// Domain error → status, as the native API answers it.
export function statusOf(e: DomainError): number {
  if (e instanceof NotFound) return 404;
  if (e instanceof Unauthorized) return 401;
  if (e instanceof Forbidden || e instanceof AccountNotActive) return 403;
  if (e instanceof CreditLimitExceeded || e instanceof TransferRefused) return 402;
  if (e instanceof Conflict) return 409;
  if (e instanceof Invalid || e instanceof AmountOutOfRange) return 422;
  return 400;
}

export function errorToProblem(e: unknown, instance?: string): Response {
  if (e instanceof HttpError)
    return problemResponse({ status: e.status, code: e.code, detail: e.message, instance, ...(e.fields ? { errors: e.fields } : {}) });
  if (e instanceof DomainError) {
    const extra: Record<string, unknown> = {};
    if (e instanceof CreditLimitExceeded || e instanceof TransferRefused) extra.available = Number(e.available);
    if (e.fields) extra.errors = e.fields;
    return problemResponse({ status: statusOf(e), code: e.code, detail: e.message, instance, ...extra });
  }
  // Postgres data exceptions (class 22: a NUL byte in text, a value out of range…) come from what the client sent
  if (pgCode(e)?.startsWith("22"))
    return problemResponse({ status: 400, code: "invalid_input", detail: "The request holds a value that cannot be stored (for example a NUL character)", instance });
  if (isDatabaseUnavailable(e))
    return problemResponse(
      { status: 503, code: "database_unavailable", detail: "The database is unreachable; try again shortly", instance },
      { "retry-after": "1" },
    );
  console.error("unhandled error", instance, e instanceof Error ? e.message : e);
  return problemResponse({ status: 500, code: "internal_error", detail: "Something went wrong on our side", instance });
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
// otherMethods' handlers, told apart from a route's own by servedMethods
const refusals = new WeakSet<object>();

// Next.js answers a method a route file does not export with an empty 405. Each API route file exports the methods
// it does not serve from here instead (`export const { PUT, DELETE } = otherMethods("GET", "POST")`): a problem+json
// 405 naming the ones it does, in the body and in Allow.
export function otherMethods(...served: HttpMethod[]): Record<HttpMethod, (req: Request) => Response> {
  const allow = served.join(", ");
  const refuse = (req: Request) => {
    const { pathname } = new URL(req.url);
    return problemResponse({ status: 405, code: "method_not_allowed", detail: `${req.method} is not served here; use ${allow}`, instance: pathname }, { allow });
  };
  refusals.add(refuse);
  return Object.fromEntries(HTTP_METHODS.map((m) => [m, refuse])) as Record<HttpMethod, (req: Request) => Response>;
}

// The methods a route module serves: its exported handlers other than otherMethods' refusals.
export function servedMethods(mod: Record<string, unknown>): HttpMethod[] {
  return HTTP_METHODS.filter((m) => typeof mod[m] === "function" && !refusals.has(mod[m] as object));
}
