// Authenticating an API key (bearer) or an account's secret (Vonage basic auth).
import { timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, apiKeys } from "@/db/schema";
import { Unauthorized } from "@/lib/errors";
import type { Account } from "@/lib/ledger/types";
import { hashKey, hashSecret } from "./create-api-key";

export type ApiKey = typeof apiKeys.$inferSelect;
export type Authenticated = { key: ApiKey; account: Account };

const LAST_USED_EVERY_MS = 60_000;

function sameHash(a: string, b: string) {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

// One query finds the key and its account together: this runs on every API request.
async function lookUp(db: Db, where: SQL) {
  const [row] = await db.select({ key: apiKeys, account: accounts }).from(apiKeys).innerJoin(accounts, eq(accounts.id, apiKeys.accountId)).where(where);
  return row;
}

async function finish(db: Db, row: { key: ApiKey; account: Account } | undefined, presentedHashes: string[]): Promise<Authenticated> {
  if (!row || row.key.revokedAt || !presentedHashes.some((h) => sameHash(h, row.key.hash))) throw new Unauthorized();
  let { key } = row;
  const { account } = row;
  if (account.status === "deactivated" || account.deletedAt) throw new Unauthorized();
  // last-used is informational: written at most once a minute per key, so reads stay reads
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    const now = new Date();
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
    key = { ...key, lastUsedAt: now };
  }
  return { key, account };
}

// The hash a bearer key is looked up by; anything that cannot be a key is refused before any work.
function bearerHash(presented: string) {
  if (!presented || presented.length > 200) throw new Unauthorized();
  return hashKey(presented);
}

async function verifyHash(db: Db, h: string): Promise<Authenticated> {
  return finish(db, await lookUp(db, and(eq(apiKeys.hash, h), isNull(apiKeys.revokedAt))!), [h]);
}

export async function verifyApiKey(db: Db, presented: string): Promise<Authenticated> {
  return verifyHash(db, bearerHash(presented));
}

// Keys verified in the last few seconds, by hash: the charge path then costs no query for authentication.
// Only for callers whose writes re-check the key where they commit (the ledger refuses a charge whose key was
// revoked before it committed), since another process's revocation reaches this cache only when it expires.
// The account in a hit is as it was: use only what never changes (id, team, kind). On globalThis, so the
// production server's direct route and Next's bundle share one cache where they share a thread (the embedded
// database); on Postgres Next.js has a thread of its own (scripts/start.ts) and counts as another process here.
const VERIFIED_TTL_MS = 5_000;
type Verified = { auth: Promise<Authenticated>; at: number };
const globalForKeys = globalThis as unknown as { subledgerVerifiedKeys?: Map<string, Verified> };

export async function verifyApiKeyCached(db: Db, presented: string): Promise<Authenticated> {
  const h = bearerHash(presented);
  const cache = (globalForKeys.subledgerVerifiedKeys ??= new Map());
  const hit = cache.get(h);
  if (hit && Date.now() - hit.at < VERIFIED_TTL_MS) return hit.auth;
  // one lookup however many requests miss at once (every request of a busy key misses together on expiry)
  const entry: Verified = { auth: verifyHash(db, h), at: Date.now() };
  if (cache.size >= 10_000) cache.clear();
  cache.set(h, entry);
  // a failure is not remembered
  entry.auth.catch(() => cache.get(h) === entry && cache.delete(h));
  return entry.auth;
}

// A revocation in this process takes effect here at once; other processes' caches expire within the TTL.
export function forgetVerifiedKeys() {
  globalForKeys.subledgerVerifiedKeys?.clear();
}

// Vonage: api_key is the account id, the secret is any of its live keys (generated or chosen).
export async function verifyAccountSecret(db: Db, accountId: string, secret: string): Promise<Authenticated> {
  if (!secret || secret.length > 200 || accountId.length > 100) throw new Unauthorized();
  const hashes = [hashKey(secret), hashSecret(accountId, secret)];
  return finish(db, await lookUp(db, and(eq(apiKeys.accountId, accountId), inArray(apiKeys.hash, hashes), isNull(apiKeys.revokedAt))!), hashes);
}
