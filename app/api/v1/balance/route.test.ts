import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import Zavudev from "@zavudev/sdk";
import { makeTeam } from "@/lib/testing/fixtures";

const { handle, server } = setupTestServer();

describe("GET /v1/balance", () => {
  it("answers the primary's balance through the Zavu SDK", async () => {
    const { db } = await handle;
    const { primaryKey } = await makeTeam(db, { balance: 1234n, creditLimit: 500n });
    const client = new Zavudev({ apiKey: primaryKey, baseURL: `${server.origin}/api` });
    const b = await client.balance.retrieve();
    expect(b).toMatchObject({ balance: 1234, currency: "USD" });
  });

  it("refuses a missing or unknown key with 401 problem+json", async () => {
    const res = await fetch(`${server.origin}/api/v1/balance`, { headers: { authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 401, code: "unauthorized", message: "Missing or invalid credentials" });
  });
});
