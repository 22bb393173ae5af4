import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { setupTestDb } from "@/db/testing";
import { idempotencyRecords } from "@/db/schema";
import { purgeIdempotencyRecords } from "./purge-idempotency-records";

const handle = setupTestDb();

describe("purgeIdempotencyRecords", () => {
  it("deletes records older than a day and keeps the rest", async () => {
    const { db } = await handle;
    const now = new Date("2026-06-02T12:00:00Z");
    await db.insert(idempotencyRecords).values([
      { scope: "a", key: "old", requestHash: "h", status: 201, responseBody: "{}", createdAt: new Date("2026-06-01T11:59:59Z") },
      { scope: "a", key: "day", requestHash: "h", status: 201, responseBody: "{}", createdAt: new Date("2026-06-01T12:00:00Z") },
      { scope: "a", key: "new", requestHash: "h", status: 201, responseBody: "{}", createdAt: new Date("2026-06-02T11:00:00Z") },
    ]);
    expect(await purgeIdempotencyRecords(db, now)).toBe(1);
    const rows = await queryRows<{ key: string }>(db, sql`select key from idempotency_records order by key`);
    expect(rows.map((x) => x.key)).toEqual(["day", "new"]);
  });
});
