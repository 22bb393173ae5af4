// npm start: the production server. Next.js answers every request but one: POST /api/v1/charges, the hot path
// that partners call per unit of usage, goes from a plain Node listener straight to the very same route handler,
// skipping Next's router and its per-request machinery (which costs more CPU than the charge itself on 2 cores).
// Same handler, so the same auth, body cap, idempotency and problem answers; the same security headers.
// On Postgres, Next.js runs in a worker thread (scripts/next-worker.mjs) and this thread passes it every other
// request over a private Unix socket: the charges path then has a heap of its own, whose collections stay short.
// On the embedded database (one owner per folder) both stay on this thread.
import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream";
import { Worker } from "node:worker_threads";
import next from "next";
import { POST as postCharge } from "@/app/api/v1/charges/route";
import { isAlive } from "@/db/client";
import { MAX_BODY_BYTES, type DirectRequest } from "@/lib/api/body";
import { errorToProblem, problemResponse } from "@/lib/api/problem";
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

type Handle = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function nextOnThisThread(): Promise<Handle> {
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (req, res) => void handle(req, res);
}

// Connection headers are each hop's own, and Node writes this hop's. A request keeps its framing (content-length or
// chunked), which goes on with its body; an answer's framing is Node's to set again.
const REQUEST_HOP_HEADERS = new Set(["connection", "keep-alive"]);
const ANSWER_HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding"]);
const withoutHeaders = (raw: string[], names: Set<string>) => {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) if (!names.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1]);
  return out;
};

const SOCKET = /^subledger-next-(\d+)\.sock$/;

// A process killed with SIGKILL runs no exit handler, so its socket stays behind; the next start removes every
// socket whose process is gone.
function removeStaleSockets(dir: string) {
  for (const name of fs.readdirSync(dir)) {
    const pid = Number(SOCKET.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

async function nextInWorker(): Promise<Handle> {
  removeStaleSockets(os.tmpdir());
  const socketPath = path.join(os.tmpdir(), `subledger-next-${process.pid}.sock`);
  // DATABASE_POOL_MAX stays the process's total: half for the charges path here, the rest for Next.js
  const total = Number(process.env.DATABASE_POOL_MAX) || 20;
  const here = Math.max(1, Math.floor(total / 2));
  const worker = new Worker(new URL("./next-worker.mjs", import.meta.url), {
    workerData: { dir: process.cwd(), hostname: hostname ?? "localhost", port, socketPath },
    env: { ...process.env, DATABASE_POOL_MAX: String(Math.max(1, total - here)) },
  });
  process.env.DATABASE_POOL_MAX = String(here);
  process.once("exit", () => fs.rmSync(socketPath, { force: true }));
  // a Next.js that cannot run leaves no half-working server behind
  worker.on("error", (e) => {
    console.error(e);
    process.exit(1);
  });
  worker.on("exit", (code) => {
    console.error(`the Next.js worker stopped (exit code ${code})`);
    process.exit(1);
  });
  await once(worker, "message");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  return (req, res) => {
    const headers = withoutHeaders(req.rawHeaders, REQUEST_HOP_HEADERS);
    const upstream = http.request({ socketPath, agent, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.statusMessage, withoutHeaders(answer.rawHeaders, ANSWER_HOP_HEADERS));
      pipeline(answer, res, () => {});
    });
    upstream.on("error", (e) => {
      // the client went away first and the request was stopped for it: nobody is left to answer
      if (res.destroyed) return;
      if (res.headersSent) return void res.destroy();
      console.error("[start] Next.js worker unreachable:", e);
      send(res, problemResponse({ status: 502, code: "bad_gateway", detail: "The server could not reach its own page renderer; try again", instance: req.url?.split("?")[0] })).catch(() => res.destroy());
    });
    // a client that goes away stops the request it made
    res.on("close", () => res.writableFinished || upstream.destroy());
    pipeline(req, upstream, () => {});
  };
}

async function main() {
  const handle = process.env.DATABASE_URL ? await nextInWorker() : await nextOnThisThread();
  const server = http.createServer((req, res) => {
    const pathname = req.url?.split("?")[0];
    const handler = direct[`${req.method} ${pathname}`];
    if (!handler) return handle(req, res);
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
