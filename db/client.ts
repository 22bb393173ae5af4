// The one database client: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
// Opened lazily (next build evaluates route modules) and kept on globalThis (one per process, safe under hot reload).
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { getTableColumns, type InferSelectModel, type SQL } from "drizzle-orm";
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTable } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Db;
  driver: "postgres" | "pglite";
  close(): Promise<void>;
  // postgres only: a session-level advisory lock held on one reserved connection while fn runs
  withGlobalLock?<T>(fn: () => Promise<T>): Promise<T>;
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export class DatabaseInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by process ${pid} (a running server?). ` +
        `Stop it first, or set DATABASE_URL to use a Postgres server that many processes can share.`,
    );
  }
}

export function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// PGlite is one process: a lock file keeps a second process from opening (and corrupting) the folder.
function lockDataDir(dir: string) {
  // beside the folder, not in it: PGlite wants its data folder to itself
  const lockFile = `${dir}.lock`;
  try {
    const pid = Number(fs.readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseInUseError(dir, pid);
  } catch (e) {
    if (e instanceof DatabaseInUseError) throw e;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (Number(fs.readFileSync(lockFile, "utf8")) === process.pid) fs.unlinkSync(lockFile);
    } catch {}
  };
  process.once("exit", release);
  return release;
}

// A transaction whose statements are sent in order without waiting for each answer. A statement left un-awaited
// is still checked: the transaction commits only if every one succeeded. See inPipelinedTransaction.
export interface Pipeline {
  query<T = Record<string, unknown>>(q: SQL): Promise<T[]>;
}

type PipelinedRunner = <T>(fn: (p: Pipeline) => Promise<T>) => Promise<T>;
// kept on the db object under a global symbol: the production server's direct route and Next's bundle each have
// their own copy of this module, but share the one database handle
const PIPELINED = Symbol.for("subledger.pipelinedTransaction");
type WithRunner = { [PIPELINED]?: PipelinedRunner };
const dialect = new PgDialect();

// On a Postgres handle's own db: statements go out without waiting for each other's answers and `commit` right
// behind the last, so a transaction of reads-then-writes costs three round trips (begin, reads, writes+commit).
// On PGlite, or on a transaction already open (a savepoint then), the statements run one after another inside
// an ordinary transaction, with the same meaning.
export async function inPipelinedTransaction<T>(db: Db, fn: (p: Pipeline) => Promise<T>): Promise<T> {
  const runner = (db as WithRunner)[PIPELINED];
  if (runner) return runner(fn);
  return db.transaction(async (tx) => {
    const sent: Promise<unknown>[] = [];
    let last: Promise<unknown> = Promise.resolve();
    const result = await fn({
      query<R>(q: SQL) {
        const p = last.then(() => queryRows<R>(tx, q));
        last = p.catch(() => {});
        sent.push(p);
        return p;
      },
    });
    await Promise.all(sent);
    return result;
  });
}

type TxSql = { unsafe(text: string, params?: never[], opts?: { prepare: boolean }): PromiseLike<unknown> & { execute(): unknown } };
type Beginnable = { begin<T>(fn: (tx: TxSql) => Promise<T>): Promise<T> };

// postgres.js's own transaction (it rolls back on failure and gives up on a connection that dies), with the
// statements inside sent without waiting for each answer. The last ones may be left un-awaited: postgres.js
// sends its commit right behind them, and if one of them failed the commit only rolls back, which is reported.
function pipelinedPostgres(client: Beginnable): PipelinedRunner {
  return async (fn) => {
    const sent: Promise<unknown>[] = [];
    const result = await client.begin((tx) =>
      fn({
        query<R>(q: SQL) {
          const { sql: text, params } = dialect.sqlToQuery(q);
          // Prepared (named, kept per connection): postgres.js describes an unprepared statement with parameters
          // first, a round trip each, which would undo the pipelining. The ledger's statement texts are fixed.
          const pending = tx.unsafe(text, params as never[], { prepare: params.length > 0 });
          // execute() queues it on the transaction's connection at once, so statements go out in call order
          pending.execute();
          const p = Promise.resolve(pending) as Promise<R[]>;
          p.catch(() => {});
          sent.push(p);
          return p;
        },
      }),
    );
    await Promise.all(sent);
    return result;
  };
}

// A raw row (as either driver answers it) in the shape Drizzle gives for the table. The column list is worked out
// once per table: the ledger maps every row it locks, and listing the columns again for each row allocated about
// 1.8 KB per charge (a heap profile of the open loop).
type ColumnOf = ReturnType<typeof getTableColumns>[string];
const columnLists = new WeakMap<PgTable, [string, ColumnOf][]>();
export function mapRow<T extends PgTable>(table: T, raw: Record<string, unknown>): InferSelectModel<T> {
  let columns = columnLists.get(table);
  if (!columns) columnLists.set(table, (columns = Object.entries(getTableColumns(table))));
  const out: Record<string, unknown> = {};
  for (const [key, col] of columns) {
    const v = raw[col.name];
    out[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return out as InferSelectModel<T>;
}

// postgres.js leaves Nagle's algorithm on, so a message written right behind another (the commit behind a batch's
// write) waits for the first one's answer before it leaves. With TCP_NODELAY it goes at once. postgres.js still
// does the rest (TLS, start-up, its connect timeout); a URL naming several hosts keeps its own rotation instead.
type SocketOptions = { host: string[]; port: number[]; path?: string };
function noDelaySocket(o: SocketOptions) {
  if (o.path) return net.connect(o.path);
  return Object.assign(net.connect({ host: o.host[0], port: o.port[0], noDelay: true }), { host: o.host[0] });
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // DATABASE_POOL_MAX: connections per app process (Postgres allows 100 by default across all of them)
  const max = opts.max ?? (Number(process.env.DATABASE_POOL_MAX) || 20);
  const severalHosts = /^[^/]*\/\/[^/]*,/.test(url);
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10, ...(severalHosts ? {} : { socket: noDelaySocket }) });
  const db = drizzle(client, { schema }) as unknown as Db;
  (db as WithRunner)[PIPELINED] = pipelinedPostgres(client as unknown as Beginnable);
  return {
    db,
    driver: "postgres",
    close: () => client.end({ timeout: 5 }),
    async withGlobalLock(fn) {
      const conn = await client.reserve();
      try {
        await conn`select pg_advisory_lock(72706351)`;
        return await fn();
      } finally {
        await conn`select pg_advisory_unlock(72706351)`.catch(() => {});
        conn.release();
      }
    },
  };
}

export async function openPglite(dataDir: string | undefined): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let release = () => {};
  if (dataDir) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    release = lockDataDir(dataDir);
  }
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

// Rows of a raw query: postgres.js answers an array, PGlite an object holding `rows`.
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const r = await db.execute(query);
  return (Array.isArray(r) ? r : (r as unknown as { rows: T[] }).rows) as T[];
}

export async function migrate(handle: DbHandle) {
  if (handle.driver === "pglite") {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(handle.db as never, { migrationsFolder });
    return;
  }
  const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
  // Many app processes may start at once against one Postgres: migrate under an advisory lock.
  await handle.withGlobalLock!(() => run(handle.db as never, { migrationsFolder }));
}

export function dataDir() {
  return path.resolve(process.env.PGLITE_DATA_DIR ?? ".data/pglite");
}

export async function openConfigured(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  const handle = url ? await openPostgres(url) : await openPglite(dataDir());
  await migrate(handle);
  return handle;
}

const globalForDb = globalThis as unknown as { subledgerDb?: Promise<DbHandle> };

export function getHandle(): Promise<DbHandle> {
  if (!globalForDb.subledgerDb) {
    globalForDb.subledgerDb = openConfigured().catch((e) => {
      globalForDb.subledgerDb = undefined;
      throw e;
    });
  }
  return globalForDb.subledgerDb;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

// Tests (and the CLI) hand the process its database explicitly instead of opening the configured one.
export function setCurrentHandle(handle: DbHandle) {
  globalForDb.subledgerDb = Promise.resolve(handle);
}
