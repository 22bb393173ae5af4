// A local webhook receiver for tests and the walkthrough: 127.0.0.1 on a random port, recording every request.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: http.IncomingHttpHeaders; body: string; at: Date };
export type Reply = { status: number; body?: string } | Promise<{ status: number; body?: string }>;

export async function startReceiver(reply: (r: Received, index: number) => Reply = () => ({ status: 200 })) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const r: Received = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: new Date() };
      received.push(r);
      const answer = await reply(r, received.length - 1);
      res.writeHead(answer.status, { "content-type": "text/plain" });
      res.end(answer.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    eventIds: () => received.map((r) => String(r.headers["subledger-event-id"])),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
