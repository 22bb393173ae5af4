import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { forgetVerifiedKeys } from "./verify-api-key";

export async function revokeApiKey(db: Db, teamId: string, accountId: string, keyId: string, actor: Actor = systemActor) {
  const revoked = await db.transaction(async (tx) => {
    const [key] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.accountId, accountId), eq(apiKeys.teamId, teamId)));
    if (!key) throw new NotFound("API key");
    if (key.revokedAt) return key;
    const [row] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId)).returning();
    await recordAudit(tx, { teamId, actor, action: "apikey.revoke", targetType: "api_key", targetId: keyId, before: { revokedAt: null }, after: { revokedAt: row.revokedAt } });
    return row;
  });
  forgetVerifiedKeys();
  return revoked;
}

// Every live key of an account at once (deactivation); answers how many were revoked.
export async function revokeAllKeys(db: Db, accountId: string) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.accountId, accountId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  forgetVerifiedKeys();
  return rows.length;
}
