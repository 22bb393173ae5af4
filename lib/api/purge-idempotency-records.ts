// Idempotency records answer retries for a day; after that a key may be reused and the record goes.
import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyRecords } from "@/db/schema";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export async function purgeIdempotencyRecords(db: Db, now = new Date()) {
  const rows = await db
    .delete(idempotencyRecords)
    .where(lt(idempotencyRecords.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
    .returning({ key: idempotencyRecords.key });
  return rows.length;
}
