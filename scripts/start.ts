// npm start: the production server. Next.js answers every request but one: POST /api/v1/charges, the hot path
// that partners call per unit of usage, goes from a plain Node listener straight to the very same route handler,
// skipping Next's router and its per-request machinery (which costs more CPU than the charge itself on 2 cores).
// Same handler, so the same auth, body cap, idempotency and problem answers; the same security headers.
import http from "node:http";
import next from "next";
import { POST as postCharge } from "@/app/api/v1/charges/route";
import { MAX_BODY_BYTES, type DirectRequest } from "@/lib/api/body";
import { errorToProblem } from "@/lib/api/problem";
import type { Answer } from "@/lib/api/route";
import { securityHeaders } from "@/lib/http/security-headers";

const args = process.argv.slice(2);
const arg = (...names: string[]) => {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(arg("-p", "--port") ?? process.env.PORT ?? 3000);
// like `next start`: every interface unless -H names one
const hostname = arg("-H", "--hostname");
// one byte past what readText accepts is enough for it to refuse; an endless body is not held in memory
const BODY_LIMIT = MAX_BODY_BYTES + 1;

const direct: Record<string, (req: DirectRequest) => Promise<Answer>> = { "POST /api/v1/charges": postCharge.direct };
const extraHeaders = securityHeaders.flatMap((h) => [h.key, h.value]);

function readCapped(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // past the cap the rest is read and dropped, not kept: the connection stays usable for the 413
    req.on("data", (c: Buffer) => {
      if (size < BODY_LIMIT) chunks.push(c);
      size += c.length;
    });
    req.on("end", () => resolve(Buffer.concat(chunks).subarray(0, BODY_LIMIT)));
    req.on("error", reject);
  });
}

async function answerDirectly(handler: (req: DirectRequest) => Promise<Answer>, req: http.IncomingMessage, res: http.ServerResponse) {
  const readBody = await readCapped(req);
  const headers = {
    // Node has lower-cased the names and joined repeated headers (one value kept for those that may not repeat)
    get(name: string) {
      const v = req.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
    },
  };
  // the handler reads only the path and query of the URL; a fixed origin keeps a hostile Host header out of it
  await send(res, await handler({ url: `http://localhost${req.url}`, method: req.method!, headers, readBody }));
}

async function send(res: http.ServerResponse, answer: Answer) {
  const raw: string[] = [];
  let body: Buffer | string;
  if (answer instanceof Response) {
    body = Buffer.from(await answer.arrayBuffer());
    answer.headers.forEach((v, k) => raw.push(k, v));
  } else {
    body = answer.body;
    for (const k in answer.headers) raw.push(k, answer.headers[k]);
  }
  res.writeHead(answer.status, [...raw, ...extraHeaders, "content-length", String(Buffer.byteLength(body))]);
  // a string goes out in one write with the head
  res.end(body);
}

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    const pathname = req.url?.split("?")[0];
    const handler = direct[`${req.method} ${pathname}`];
    if (!handler) return void handle(req, res);
    // the handler answers every error itself; this is for a failure around it (a broken request stream)
    answerDirectly(handler, req, res).catch((e) => {
      if (res.headersSent) return void res.destroy();
      send(res, errorToProblem(e, pathname)).catch(() => res.destroy());
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`Subledger ready on http://${hostname ?? "localhost"}:${port}`));
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => server.close(() => process.exit(0)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
