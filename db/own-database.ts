// A database of its own on a Postgres server, for one test file or one bench run, so that runs never see each
// other's data: created empty under a random name beside the server's `postgres` database, dropped by drop().
import { sql } from "drizzle-orm";
import { randomId } from "@/lib/ids";
import { openPostgres } from "./client";

// the same server and credentials as serverUrl, another database
export function withDatabaseName(serverUrl: string, name: string) {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createOwnDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomId(10)}`;
  const admin = await openPostgres(withDatabaseName(serverUrl, "postgres"), { max: 1 });
  try {
    await admin.db.execute(sql.raw(`create database ${name}`));
  } catch (e) {
    await admin.close();
    throw e;
  }
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    async drop() {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}
