// Test databases: a fresh in-memory PGlite per test file, or (TEST_DRIVER=postgres) a fresh database on the
// server named by TEST_DATABASE_URL, created for this file and dropped after it. Runs never share data.
import { afterAll, afterEach, expect } from "vitest";
import { checkInvariants } from "@/lib/ledger/check-invariants";
import { migrate, openPglite, openPostgres, type DbHandle } from "./client";
import { createOwnDatabase } from "./own-database";

export const testDriver = process.env.TEST_DRIVER === "postgres" ? "postgres" : "pglite";

export async function createTestDatabase(opts: { max?: number } = {}): Promise<DbHandle & { url?: string; openAnother(): Promise<DbHandle> }> {
  if (testDriver === "pglite") {
    const h = await openPglite(undefined);
    await migrate(h);
    return { ...h, openAnother: async () => h };
  }
  const own = await createOwnDatabase(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", "subledger_test");
  const url = own.url;
  const h = await openPostgres(url, opts);
  await migrate(h);
  const others: DbHandle[] = [];
  return {
    ...h,
    url,
    openAnother: async () => {
      const o = await openPostgres(url, opts);
      others.push(o);
      return o;
    },
    close: async () => {
      for (const o of others) await o.close();
      await h.close();
      await own.drop();
    },
  };
}

// One database for the whole file; the ledger's invariants are checked after every test.
export function setupTestDb(opts: { max?: number } = {}) {
  const handle = createTestDatabase(opts);
  afterEach(async () => {
    const h = await handle;
    expect(await checkInvariants(h.db)).toEqual([]);
  });
  afterAll(async () => (await handle).close());
  return handle;
}
