// A database of its own for one bench run, on the Postgres named by BENCH_DATABASE_URL or DATABASE_URL, dropped
// whatever happens: a finished run, a failed one, or one stopped with Ctrl-C or SIGTERM.
import { sql } from "drizzle-orm";
import { openPostgres } from "@/db/client";
import { randomId } from "@/lib/ids";

const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function urlFor(db: string) {
  const u = new URL(base);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function withBenchDatabase(run: (url: string, name: string) => Promise<void>) {
  const name = `subledger_bench_${randomId(8)}`;
  const admin = await openPostgres(urlFor("postgres"), { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const drop = () => admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
  const stop = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping ${name}`);
    drop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await run(urlFor(name), name);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await drop();
    await admin.close();
  }
}
