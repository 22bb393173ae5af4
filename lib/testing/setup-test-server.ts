// One fresh database and one test server (the real route handlers over HTTP) for a whole test file.
import { afterAll, beforeAll } from "vitest";
import { setupTestDb } from "@/db/testing";
import { startTestServer } from "@/lib/api/testing";

export function setupTestServer(opts: { max?: number } = {}) {
  const handle = setupTestDb(opts);
  let started: Awaited<ReturnType<typeof startTestServer>> | undefined;
  beforeAll(async () => {
    started = await startTestServer(await handle);
  });
  afterAll(() => started?.close());
  const server = {
    get origin() {
      if (!started) throw new Error("the test server starts in beforeAll");
      return started.origin;
    },
  };
  return { handle, server };
}
