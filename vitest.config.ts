import { defineConfig } from "vitest/config";
import path from "node:path";

// *.postgres.test.ts: tests of the Postgres driver itself, on the postgres project only
const projects = [{ name: "pglite", env: { TEST_DRIVER: "pglite" }, exclude: ["**/*.postgres.test.ts"] }];
if (process.env.TEST_DATABASE_URL) projects.push({ name: "postgres", env: { TEST_DRIVER: "postgres" }, exclude: [] });

export default defineConfig({
  resolve: { alias: { "@": path.resolve(".") } },
  test: {
    projects: projects.map((p) => ({
      extends: true,
      test: { name: p.name, env: p.env, include: ["**/*.test.ts"], exclude: ["node_modules/**", ".next/**", "e2e/**", "tests/reliability.test.ts", "tests/production-server.test.ts", ...p.exclude] },
    })),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
