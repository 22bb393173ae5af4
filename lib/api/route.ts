// The one wrapper every route handler goes through: authenticate, read the body once (64 KiB cap),
// honour Idempotency-Key for writes, and map every error to a problem once per dialect.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { idempotencyRecords } from "@/db/schema";
import type { Actor } from "@/lib/audit/record-audit";
import { Forbidden, Unauthorized } from "@/lib/errors";
import { verifyApiKey, verifyApiKeyCached, type Authenticated } from "@/lib/keys/verify-api-key";
import { parseBody, parseWith, readText, type ApiRequest, type DirectRequest } from "./body";
import { errorToProblem, problemResponse } from "./problem";
import { noteAuthFailure, authBlocked } from "./auth-rate-limit";

export type ApiAuth = Authenticated & { teamId: string; isPrimary: boolean; actor: Actor };

export type Ctx<P> = {
  req: ApiRequest;
  db: Db;
  params: P;
  auth: ApiAuth;
  url: URL;
  // true when the handler runs inside the Idempotency-Key transaction: its writes must use `db`
  inTransaction: boolean;
  // the body, parsed and validated against a schema (422 naming each bad field)
  body<S extends z.ZodType>(schema: S): z.infer<S>;
  query<S extends z.ZodType>(schema: S): z.infer<S>;
};

export type Dialect = {
  authenticate(req: ApiRequest, db: Db, params: Record<string, string>): Promise<Authenticated>;
  toResponse(e: unknown, instance: string): Response;
};

function clientAddress(req: ApiRequest) {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "local";
}

function bearerToken(req: ApiRequest) {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  if (!m) throw new Unauthorized("Send an API key as 'Authorization: Bearer <key>'");
  return m[1];
}

export const bearerDialect: Dialect = {
  authenticate: (req, db) => verifyApiKey(db, bearerToken(req)),
  toResponse: errorToProblem,
};

// For handlers whose writes re-check the key where they commit (charges): keys verified in the last seconds
// cost no query. See verifyApiKeyCached.
export const cachedBearerDialect: Dialect = {
  authenticate: (req, db) => verifyApiKeyCached(db, bearerToken(req)),
  toResponse: errorToProblem,
};

// A JSON answer as plain data. Next.js gets it as a web Response; the production server's direct routes write it
// to the socket as it is (building a Response and reading it back costs more than the charge it carries).
export type Reply = { status: number; headers: Record<string, string>; body: string };
export type Answer = Reply | Response;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

function toResponse(a: Answer): Response {
  return a instanceof Response ? a : new Response(a.body, { status: a.status, headers: a.headers });
}

async function answerText(a: Answer): Promise<string | null> {
  if (a instanceof Response) return a.status === 204 ? null : a.clone().text();
  return a.body;
}

export function requirePrimary(auth: ApiAuth) {
  if (!auth.isPrimary) throw new Forbidden("This needs an API key of the primary account");
}

type Handler<P> = (ctx: Ctx<P>) => Promise<Answer>;

// The route handler Next.js calls, and as `.direct` the same handler for a request the production server has
// read itself (scripts/start.ts), answering plain data where it can.
export function apiRoute<P extends Record<string, string> = Record<string, never>>(handler: Handler<P>, dialect: Dialect = bearerDialect) {
  const answer = async (req: ApiRequest, routeParams?: Promise<P>): Promise<Answer> => {
    const url = new URL(req.url);
    const instance = url.pathname;
    try {
      const params = ((await routeParams) ?? {}) as P;
      const db = await getDb();
      const addr = clientAddress(req);
      if (authBlocked(addr))
        return problemResponse({ status: 429, code: "too_many_failures", detail: "Too many failed authentication attempts; wait a minute", instance }, { "retry-after": "60", "x-should-retry": "false" });
      let authed: Authenticated;
      try {
        authed = await dialect.authenticate(req, db, params);
      } catch (e) {
        if (e instanceof Unauthorized) noteAuthFailure(addr);
        throw e;
      }
      // Named fields, not `{ ...authed, extra }`: under load that spread kept about 0.3 MB of every 13 MB allocated
      // alive through two young collections (--trace-gc-nvp), so it reached the old generation and cost major GCs.
      const auth: ApiAuth = {
        key: authed.key,
        account: authed.account,
        teamId: authed.account.teamId,
        isPrimary: authed.account.kind === "primary",
        actor: { kind: "key", id: authed.key.id, label: authed.key.prefix },
      };
      const write = req.method !== "GET" && req.method !== "HEAD";
      const text = write ? await readText(req) : "";
      const make = (tx: Db, inTransaction = false): Ctx<P> => ({
        req,
        db: tx,
        inTransaction,
        params,
        auth,
        url,
        body: (schema) => parseBody(text, schema),
        query: (schema) => parseWith(schema, Object.fromEntries(url.searchParams), 400),
      });
      const idemKey = write ? req.headers.get("idempotency-key") : null;
      if (!idemKey) return await handler(make(db));
      if (idemKey.length > 255) return problemResponse({ status: 400, code: "invalid_idempotency_key", detail: "Idempotency-Key must be at most 255 characters", instance });
      const requestHash = createHash("sha256").update(`${req.method} ${url.pathname}${url.search}\n${text}`).digest("hex");
      return await withIdempotency(db, auth.account.id, idemKey, requestHash, instance, async (tx) => {
        try {
          return await tx.transaction((sp) => handler(make(sp, true)));
        } catch (e) {
          return dialect.toResponse(e, instance);
        }
      });
    } catch (e) {
      return dialect.toResponse(e, instance);
    }
  };
  const route = async (req: Request, routeCtx?: { params: Promise<P> }): Promise<Response> => toResponse(await answer(req, routeCtx?.params));
  return Object.assign(route, { direct: (req: DirectRequest) => answer(req) });
}

// Same key and body → the first answer replayed exactly; same key, other body → 422. A concurrent duplicate
// waits on the record's primary key until the first commits, so both never take effect.
async function withIdempotency(db: Db, scope: string, key: string, requestHash: string, instance: string, run: (tx: Db) => Promise<Answer>): Promise<Answer> {
  return db.transaction(async (tx) => {
    const claimed = await tx.insert(idempotencyRecords).values({ scope, key, requestHash }).onConflictDoNothing().returning({ key: idempotencyRecords.key });
    if (!claimed.length) {
      const [rec] = await tx.select().from(idempotencyRecords).where(and(eq(idempotencyRecords.scope, scope), eq(idempotencyRecords.key, key)));
      if (rec.requestHash !== requestHash)
        return problemResponse({ status: 422, code: "idempotency_key_reused", detail: "This Idempotency-Key was already used with a different request", instance });
      return new Response(rec.status === 204 ? null : rec.responseBody, {
        status: rec.status!,
        headers: { "content-type": rec.status! >= 400 ? "application/problem+json" : "application/json", "idempotent-replayed": "true" },
      });
    }
    const res = await run(tx);
    // a server-side failure is not remembered: the same request may be retried
    if (res.status >= 500) throw new RolledBack(res);
    const body = await answerText(res);
    await tx.update(idempotencyRecords).set({ status: res.status, responseBody: body === null ? null : redactSecrets(body) }).where(and(eq(idempotencyRecords.scope, scope), eq(idempotencyRecords.key, key)));
    return res;
  }).catch((e) => {
    if (e instanceof RolledBack) return e.response;
    throw e;
  });
}

// Keys and secrets are shown once and stored only as hashes: a replayed answer says so instead of keeping them.
const SECRET_FIELDS = new Set(["apiKey", "key", "secret"]);
export function redactSecrets(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), (k, v) => (SECRET_FIELDS.has(k) && typeof v === "string" ? "[shown once]" : v));
  } catch {
    return body;
  }
}

class RolledBack extends Error {
  constructor(readonly response: Answer) {
    super("rolled back");
  }
}
