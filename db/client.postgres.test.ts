// The Postgres driver when its server ends a connection or a query fails half way (runs on the postgres project only).
// Each case is a postgres.js 3.4.9 bug that patches/postgres+3.4.9.patch mends:
// - a reserved connection's next statement was written from a timer after its socket was gone, and the TypeError
//   thrown there ended the process (porsager/postgres#1208);
// - a query cut off after some of its rows left the row count behind: the next answer on that connection began at
//   that index behind empty slots (#1119, #1181), so `const [row] = ...` read nothing. Under load, with Postgres
//   restarted, a valid API key was refused as 401 this way;
// - the server's FATAL error for a query it cut off was replayed on the first query of the next session, and a
//   connection cut off while it fetched the array types left an unhandled rejection, which ends the process (#1223).
import net from "node:net";
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

  const single = async () => {
    const client = postgres((await own).url, { max: 1, onnotice: () => {} });
    clients.push(client);
    return client;
  };
  // what a statement answered, or its error's code
  const outcome = (q: PromiseLike<Iterable<unknown>>) =>
    q.then(
      (rows) => [...rows],
      (e: { code?: string }) => e.code,
    );

  it("answers the statements after a connection ended in the middle of an answer with their own rows and no old error", async () => {
    const client = await single();
    expect(await outcome(client`select 1 as one`)).toEqual([{ one: 1 }]);
    // the server sends the first rows, then ends the session (FATAL 57P01) before the answer is complete
    const cut = await outcome(client`select g, case when g = 3 then pg_terminate_backend(pg_backend_pid()) end as t from generate_series(1, 100000) g`);
    expect(cut).toBe("CONNECTION_CLOSED");
    expect(await outcome(client`select 2 as two`)).toEqual([{ two: 2 }]);
    expect(await outcome(client`select n from generate_series(1, 3) n`)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("answers the statement after one that failed part way through its rows with its own rows from the first", async () => {
    const client = await single();
    expect(await outcome(client`select i, 1 / (4 - i) as boom from generate_series(1, 10) i`)).toBe("22012");
    expect(await outcome(client`select n from generate_series(1, 3) n`)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    // and so does one sent before the failure was known (pipelined on the same connection)
    const [failing, next] = [outcome(client`select i, 1 / (4 - i) as boom from generate_series(1, 10) i`), outcome(client`select 5 as five`)];
    expect(await failing).toBe("22012");
    expect(await next).toEqual([{ five: 5 }]);
  });

  it("runs the first query on a connection cut off while it fetched the array types, with nothing left unhandled", async () => {
    const target = new URL((await own).url);
    // a proxy that answers the driver's first array types query as a terminated backend does, then closes
    let cut = false;
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      upstream.on("data", (d) => client.write(d));
      client.on("data", (d) => {
        if (!cut && d.includes("typarray")) {
          cut = true;
          const fields = Buffer.from("SFATAL\0VFATAL\0C57P01\0Mterminating connection due to administrator command\0\0");
          const head = Buffer.alloc(5);
          head.write("E");
          head.writeInt32BE(fields.length + 4, 1);
          client.end(Buffer.concat([head, fields]));
          upstream.destroy();
        } else upstream.write(d);
      });
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const via = new URL(target);
      via.hostname = "127.0.0.1";
      via.port = String((proxy.address() as net.AddressInfo).port);
      const client = postgres(via.toString(), { max: 1, onnotice: () => {} });
      clients.push(client);
      expect(await outcome(client`select 1 as one`)).toEqual([{ one: 1 }]);
      await new Promise((r) => setTimeout(r, 100));
      expect([cut, unhandled]).toEqual([true, []]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      proxy.close();
    }
  });
});
