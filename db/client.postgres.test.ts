// The Postgres driver when its server ends a connection (runs on the postgres project only). postgres.js 3.4.9 wrote
// a reserved connection's next statement from a timer after its socket was gone, and the TypeError thrown there
// ended the process (porsager/postgres#1208); patches/postgres+3.4.9.patch settles it as CONNECTION_CLOSED.
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { createOwnDatabase } from "./own-database";

describe("postgres.js on a connection the server ended", () => {
  const own = createOwnDatabase(process.env.TEST_DATABASE_URL!, "subledger_driver");
  const clients: postgres.Sql[] = [];
  afterAll(async () => {
    for (const c of clients) await c.end({ timeout: 1 });
    await (await own).drop();
  });

  it("refuses the next statement with CONNECTION_CLOSED instead of ending the process, and serves again after", async () => {
    const url = (await own).url;
    const client = postgres(url, { max: 1, onnotice: () => {} });
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    clients.push(client, admin);
    const reserved = await client.reserve();
    const [{ pid }] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await admin`select pg_terminate_backend(${pid})`;
    // the server's goodbye reaches the client
    await new Promise((r) => setTimeout(r, 200));
    const refused = await reserved`select 1 as one`.then(
      () => null,
      (e: { code?: string }) => e.code,
    );
    expect(refused).toBe("CONNECTION_CLOSED");
    reserved.release();
    // the pool opens a new connection for the next statement
    const [{ one }] = await client<{ one: number }[]>`select 1 as one`;
    expect(one).toBe(1);
  });
});
