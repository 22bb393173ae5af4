// A database of its own for one bench run, on the Postgres named by BENCH_DATABASE_URL or DATABASE_URL, dropped
// whatever happens: a finished run, a failed one, or one stopped with Ctrl-C or SIGTERM.
import { createOwnDatabase } from "@/db/own-database";

const base = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function withBenchDatabase(run: (url: string, name: string) => Promise<void>) {
  const own = await createOwnDatabase(base, "subledger_bench");
  const stop = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping ${own.name}`);
    own.drop().finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await run(own.url, own.name);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    await own.drop();
  }
}
