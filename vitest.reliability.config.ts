// The reliability suite: needs a production build (`next build`) and the Postgres binaries; run by npm test
// after the build, on its own (it starts servers and a private Postgres cluster).
import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(".") } },
  test: { include: ["tests/reliability.test.ts"], testTimeout: 600_000, hookTimeout: 300_000, pool: "forks" },
});
