// The Next.js half of `npm start` on Postgres (see scripts/start.ts): the dashboard, the portal and every route
// but the charges hot path, served in a worker thread on a private Unix socket. A thread of its own gives Next.js
// a heap of its own, so its 60-odd MB of live objects are no longer marked by the collections that the charges
// path's allocations set off. Plain JavaScript: a worker thread starts without tsx's loader.
import fs from "node:fs";
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import next from "next";

const { dir, hostname, port, socketPath } = workerData;

const app = next({ dev: false, dir, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((req, res) => void handle(req, res));
server.keepAliveTimeout = 65_000;
fs.rmSync(socketPath, { force: true });
server.listen(socketPath, () => parentPort.postMessage("ready"));
