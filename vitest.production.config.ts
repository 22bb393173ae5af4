// Suites that start the production server (`npm start`) and so need `next build` first: run by npm test after
// the build, each on its own: the production-server checks always, the reliability suite (a private Postgres
// cluster it crashes) when TEST_DATABASE_URL is set.
import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(".") } },
  test: { include: ["tests/reliability.test.ts", "tests/production-server.test.ts"], testTimeout: 600_000, hookTimeout: 300_000, pool: "forks" },
});
