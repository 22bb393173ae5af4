// End-to-end journeys in Debian's Chromium against a production build (`next build` runs first).
// PGlite is one process, so the CLI bootstraps the teams into a fresh data folder BEFORE the server (`npm start`) opens it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// set once in the runner process; workers inherit it, so everyone agrees on the folder
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "subledger-e2e-"));
const dataDir = process.env.E2E_DATA_DIR;
const root = path.dirname(fileURLToPath(import.meta.url));
const stateDir = path.join(root, "e2e", ".state");

const bootstrap = (file: string, team: string, email: string, creditLimit: number) =>
  `npm run -s cli -- bootstrap --team '${team}' --currency USD --credit-limit ${creditLimit} --email ${email} --password e2e-password-1 --json > '${path.join(stateDir, file)}'`;

export default defineConfig({
  testDir: "e2e",
  testMatch: /.*\.spec\.ts/,
  workers: 1,
  retries: 0,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: [
      `mkdir -p '${stateDir}'`,
      // the demo team first (the CLI seeds it only into an empty database): months of usage for docs/dashboard.png
      "npm run -s cli -- demo > /dev/null",
      bootstrap("case-study.json", "Case Study Partner", "owner@case.test", 10000),
      bootstrap("acme.json", "Acme Reports", "owner@acme.test", 5000),
      `npm start -- -p ${port}`,
    ].join(" && "),
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PGLITE_DATA_DIR: path.join(dataDir, "pglite"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: "",
    },
  },
});
