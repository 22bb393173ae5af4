// A key created under an Idempotency-Key is shown once: the stored answer keeps only a placeholder.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { makeTeam } from "@/lib/testing/fixtures";

const { handle, server } = setupTestServer();

describe("idempotency records and secrets", () => {
  it("replays a key creation with the same id but never stores or repeats the key itself", async () => {
    const { db } = await handle;
    const { primaryKey } = await makeTeam(db);
    const post = () =>
      fetch(`${server.origin}/api/v1/api-keys`, {
        method: "POST",
        headers: { authorization: `Bearer ${primaryKey}`, "content-type": "application/json", "idempotency-key": "rotate-1" },
        body: JSON.stringify({ name: "rotation" }),
      }).then(async (r) => ({ status: r.status, replayed: r.headers.get("idempotent-replayed"), body: await r.json() }));
    const first = await post();
    const again = await post();
    expect(first.status).toBe(201);
    expect(first.body.apiKey.key).toMatch(/^sl_live_/);
    expect(again).toEqual({ status: 201, replayed: "true", body: { apiKey: { ...first.body.apiKey, key: "[shown once]" } } });
    const rows = await queryRows<{ response_body: string }>(db, sql`select response_body from idempotency_records where key = 'rotate-1'`);
    expect(rows[0].response_body).not.toContain(first.body.apiKey.key);
  });
});
