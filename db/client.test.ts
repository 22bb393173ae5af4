// A pipelined transaction is all or nothing, and leaves its connection fit for the next one. On Postgres the pool
// here has one connection, so the transaction after a failure runs on the very connection that failed.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inPipelinedTransaction, openPostgres, queryRows, type Db } from "./client";
import { pgCode } from "./errors";
import { createTestDatabase } from "./testing";

const handle = createTestDatabase();
// a pool of one beside the migrated handle (migrating holds one connection and needs another)
const single = handle.then((h) => (h.url ? openPostgres(h.url, { max: 1 }) : h));
afterAll(async () => {
  const [h, one] = [await handle, await single];
  if (one !== h) await one.close();
  await h.close();
});

async function ids(db: Db) {
  return (await queryRows<{ id: number }>(db, sql`select id from pipeline_probe order by id`)).map((r) => r.id);
}

describe("inPipelinedTransaction", () => {
  beforeAll(async () => {
    await (await single).db.execute(sql`create table pipeline_probe (id int primary key)`);
  });

  it("writes nothing when a statement left un-awaited fails, reports that failure, and commits the next transaction", async () => {
    const { db } = await single;
    const failed = await inPipelinedTransaction(db, async (p) => {
      void p.query(sql`insert into pipeline_probe values (1)`);
      void p.query(sql`insert into pipeline_probe values (1)`);
      void p.query(sql`insert into pipeline_probe values (3)`);
      return "answered";
    }).then(
      () => null,
      (e) => pgCode(e),
    );
    expect(failed).toBe("23505");
    expect(await ids(db)).toEqual([]);
    const answer = await inPipelinedTransaction(db, async (p) => {
      const [{ n }] = await p.query<{ n: number }>(sql`select count(*)::int as n from pipeline_probe`);
      void p.query(sql`insert into pipeline_probe values (2)`);
      return n;
    });
    expect(answer).toBe(0);
    // seen through another pool: committed, not merely written
    expect(await ids((await handle).db)).toEqual([2]);
  });

  it("rolls back what it wrote when the code between statements throws, and commits the next transaction", async () => {
    const { db } = await single;
    const thrown = await inPipelinedTransaction(db, async (p) => {
      await p.query(sql`insert into pipeline_probe values (10)`);
      throw new Error("refused in code");
    }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(thrown).toBe("refused in code");
    await inPipelinedTransaction(db, async (p) => void p.query(sql`insert into pipeline_probe values (11)`));
    expect(await ids((await handle).db)).toEqual([2, 11]);
  });
});
