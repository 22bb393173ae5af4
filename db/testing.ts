// Test databases: a fresh in-memory PGlite per test file, or (TEST_DRIVER=postgres) a fresh database on the
// server named by TEST_DATABASE_URL, created for this file and dropped after it. Runs never share data.
import { afterAll, afterEach, expect } from "vitest";
import { randomId } from "@/lib/ids";
import { checkInvariants } from "@/lib/ledger/check-invariants";
import { migrate, openPglite, openPostgres, type DbHandle } from "./client";

export const testDriver = process.env.TEST_DRIVER === "postgres" ? "postgres" : "pglite";

function serverUrl(dbName: string) {
  const u = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  u.pathname = `/${dbName}`;
  return u.toString();
}

export async function createTestDatabase(opts: { max?: number } = {}): Promise<DbHandle & { url?: string; openAnother(): Promise<DbHandle> }> {
  if (testDriver === "pglite") {
    const h = await openPglite(undefined);
    await migrate(h);
    return { ...h, openAnother: async () => h };
  }
  const name = `subledger_test_${randomId(10)}`;
  const admin = await openPostgres(serverUrl("postgres"), { max: 1 });
  const { sql } = await import("drizzle-orm");
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = serverUrl(name);
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
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
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
