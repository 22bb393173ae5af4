// Authenticating an API key (bearer) or an account's secret (Vonage basic auth).
import { timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
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

async function finish(db: Db, key: ApiKey | undefined, presentedHashes: string[]): Promise<Authenticated> {
  if (!key || key.revokedAt || !presentedHashes.some((h) => sameHash(h, key!.hash))) throw new Unauthorized();
  const [account] = await db.select().from(accounts).where(eq(accounts.id, key.accountId));
  if (!account || account.status === "deactivated" || account.deletedAt) throw new Unauthorized();
  // last-used is informational: written at most once a minute per key, so reads stay reads
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    const now = new Date();
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
    key = { ...key, lastUsedAt: now };
  }
  return { key, account };
}

export async function verifyApiKey(db: Db, presented: string): Promise<Authenticated> {
  if (!presented || presented.length > 200) throw new Unauthorized();
  const h = hashKey(presented);
  const [key] = await db.select().from(apiKeys).where(and(eq(apiKeys.hash, h), isNull(apiKeys.revokedAt)));
  return finish(db, key, [h]);
}

// Vonage: api_key is the account id, the secret is any of its live keys (generated or chosen).
export async function verifyAccountSecret(db: Db, accountId: string, secret: string): Promise<Authenticated> {
  if (!secret || secret.length > 200 || accountId.length > 100) throw new Unauthorized();
  const hashes = [hashKey(secret), hashSecret(accountId, secret)];
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.accountId, accountId), inArray(apiKeys.hash, hashes), isNull(apiKeys.revokedAt)));
  return finish(db, key, hashes);
}
