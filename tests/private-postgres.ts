// A Postgres cluster of the test's own (initdb in a temp folder, its own port), so a test may stop, crash
// and restart it without touching the machine's shared server.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function pgBin(name: string) {
  const root = "/usr/lib/postgresql";
  const version = fs.readdirSync(root).sort().at(-1)!;
  return path.join(root, version, "bin", name);
}

// initdb and postgres refuse to run as root: run them as the postgres user
function asPostgres(bin: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  return asRoot ? execFileSync("runuser", ["-u", "postgres", "--", pgBin(bin), ...args], { encoding: "utf8" }) : execFileSync(pgBin(bin), args, { encoding: "utf8" });
}

export function startPrivatePostgres(port: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "subledger-pg-"));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const log = path.join(dir, "postgres.log");
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c synchronous_commit=on`;
  const start = () => asPostgres("pg_ctl", ["-D", data, "-o", opts, "-l", log, "-w", "start"]);
  const stopImmediate = () => asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stopImmediate,
    destroy() {
      spawnSync("runuser", ["-u", "postgres", "--", pgBin("pg_ctl"), "-D", data, "-m", "immediate", "stop"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
