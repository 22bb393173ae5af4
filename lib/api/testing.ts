// Tests serve the real route handlers over real HTTP without a Next build: a small router over the
// app/api/**/route.ts files (dynamic [segments] included), on a random loopback port.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { setCurrentHandle, type DbHandle } from "@/db/client";
import { resetAuthFailures } from "./auth-rate-limit";

type RouteModule = Record<string, (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>>;
export type RouteFile = { file: string; pattern: string; segments: string[] };

export function routeFiles(root = path.join(process.cwd(), "app", "api")): RouteFile[] {
  const out: RouteFile[] = [];
  const walk = (dir: string, segs: string[]) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name), /^\(.*\)$/.test(e.name) ? segs : [...segs, e.name]);
      else if (e.name === "route.ts") out.push({ file: path.join(dir, e.name), segments: segs, pattern: "/api/" + segs.join("/") });
    }
  };
  walk(root, []);
  // static segments before dynamic ones, as Next matches
  const rank = (r: RouteFile) => r.segments.map((s) => (s.startsWith("[...") ? "2" : s.startsWith("[") ? "1" : "0")).join("");
  return out.sort((a, b) => rank(a).localeCompare(rank(b)));
}

function match(route: RouteFile, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < route.segments.length; i++) {
    const s = route.segments[i];
    const catchAll = /^\[\.\.\.(.+)\]$/.exec(s);
    if (catchAll) {
      if (i >= parts.length) return null;
      params[catchAll[1]] = parts.slice(i).map(decodeURIComponent);
      return params;
    }
    if (i >= parts.length) return null;
    const dyn = /^\[(.+)\]$/.exec(s);
    if (dyn) params[dyn[1]] = decodeURIComponent(parts[i]);
    else if (s !== parts[i]) return null;
  }
  return parts.length === route.segments.length ? params : null;
}

export async function startTestServer(handle: DbHandle) {
  setCurrentHandle(handle);
  resetAuthFailures();
  const routes = routeFiles();
  const modules = new Map<string, RouteModule>();
  const load = async (file: string) => {
    if (!modules.has(file)) modules.set(file, (await import(/* @vite-ignore */ file)) as RouteModule);
    return modules.get(file)!;
  };
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const parts = url.pathname.split("/").filter(Boolean).slice(1);
      let response: Response | null = null;
      for (const r of routes) {
        const params = match(r, parts);
        if (!params) continue;
        const mod = await load(r.file);
        const fn = mod[req.method ?? "GET"];
        if (!fn) {
          response = new Response(null, { status: 405 });
          break;
        }
        const hasBody = req.method !== "GET" && req.method !== "HEAD";
        const request = new Request(`http://${req.headers.host}${req.url}`, {
          method: req.method,
          headers: req.headers as Record<string, string>,
          body: hasBody ? (req as unknown as ReadableStream) : undefined,
          // @ts-expect-error node's fetch needs this for a streamed body
          duplex: "half",
        });
        response = await fn(request, { params: Promise.resolve(params) });
        break;
      }
      response ??= new Response(JSON.stringify({ status: 404, detail: "No such route" }), { status: 404, headers: { "content-type": "application/problem+json" } });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (e) {
      res.writeHead(599);
      res.end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    // idle keep-alive sockets of the test's fetch would hold close() open for seconds
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
