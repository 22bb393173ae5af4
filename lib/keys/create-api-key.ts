// API keys: random, shown once, stored only as a SHA-256 hash with a visible prefix.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids";

export function hashKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

// A secret the partner chose (Vonage lets them) is salted with its account: two accounts may pick the same one.
export function hashSecret(accountId: string, secret: string) {
  return hashKey(`${accountId}:${secret}`);
}

export function generateKey(environment: "live" | "test") {
  return `sl_${environment}_${randomBytes(24).toString("base64url")}`;
}

export async function createApiKey(
  db: Db,
  teamId: string,
  accountId: string,
  input: { name?: string; environment?: "live" | "test"; secret?: string },
  actor: Actor = systemActor,
) {
  const environment = input.environment ?? "live";
  const key = input.secret ?? generateKey(environment);
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId("key"),
      accountId,
      teamId,
      name: input.name?.trim() || "API key",
      prefix: input.secret ? `${key.slice(0, 3)}…` : key.slice(0, 12),
      hash: input.secret ? hashSecret(accountId, key) : hashKey(key),
      environment,
    })
    .returning();
  await recordAudit(db, { teamId, actor, action: "apikey.create", targetType: "api_key", targetId: row.id, after: { accountId, name: row.name, prefix: row.prefix } });
  return { ...row, key };
}
