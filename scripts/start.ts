// npm start: the production server. Next.js answers every request but one: POST /api/v1/charges, the hot path
// that partners call per unit of usage, goes from a plain Node listener straight to the very same route handler,
// skipping Next's router and its per-request machinery (which costs more CPU than the charge itself on 2 cores).
// Same handler, so the same auth, body cap, idempotency and problem answers; the same security headers.
import http from "node:http";
import next from "next";
import { POST as postCharge } from "@/app/api/v1/charges/route";
import { attachReadBody, MAX_BODY_BYTES } from "@/lib/api/body";
import { errorToProblem } from "@/lib/api/problem";
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

const direct: Record<string, (req: Request) => Promise<Response>> = { "POST /api/v1/charges": postCharge };
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

async function answerDirectly(handler: (req: Request) => Promise<Response>, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = await readCapped(req);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  // the handler reads only the path and query of the URL; a fixed origin keeps a hostile Host header out of it
  const request = new Request(`http://localhost${req.url}`, { method: req.method, headers });
  attachReadBody(request, body);
  await send(res, await handler(request));
}

async function send(res: http.ServerResponse, response: Response) {
  const out = Buffer.from(await response.arrayBuffer());
  const raw: string[] = [];
  response.headers.forEach((v, k) => raw.push(k, v));
  res.writeHead(response.status, [...raw, ...extraHeaders, "content-length", String(out.length)]);
  res.end(out);
}

async function main() {
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    const path = req.url?.split("?")[0];
    const handler = direct[`${req.method} ${path}`];
    if (!handler) return void handle(req, res);
    // the handler answers every error itself; this is for a failure around it (a broken request stream)
    answerDirectly(handler, req, res).catch((e) => {
      if (res.headersSent) return void res.destroy();
      send(res, errorToProblem(e, path)).catch(() => res.destroy());
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
