// The spend report over HTTP: every period present, exact amounts per period and per account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { apiClient } from "@/lib/api/test-client";
import { postMovements } from "@/lib/ledger/post-movements";
import { makeTeam } from "@/lib/testing/fixtures";

const { handle, server } = setupTestServer();

describe("GET /v1/reports/spend", () => {
  it("answers every day and month with exact amounts, scoped for sub keys", async () => {
    const { db } = await handle;
    const t = await makeTeam(db, { balance: 100_000n });
    const api = apiClient(server.origin, t.primaryKey);
    const a = (await api.post("/v1/sub-accounts", { name: "A" })).body.subAccount;
    const b = (await api.post("/v1/sub-accounts", { name: "B" })).body.subAccount;
    // history at known instants: `at` backdates, which only seeding may do
    const at = (s: string) => new Date(s);
    const results = await postMovements(db, t.team.id, [
      { type: "charge", accountId: a.id, amount: 100n, at: at("2026-01-02T00:00:00Z") },
      { type: "charge", accountId: a.id, amount: 50n, at: at("2026-01-02T23:59:59Z") },
      { type: "charge", accountId: b.id, amount: 7n, at: at("2026-01-02T12:00:00Z") },
      { type: "charge", accountId: b.id, amount: 30n, at: at("2026-01-04T08:00:00Z") },
      { type: "charge", accountId: t.primaryId, amount: 1n, at: at("2026-01-03T08:00:00Z") },
      { type: "charge", accountId: a.id, amount: 999n, at: at("2026-02-10T08:00:00Z") },
    ]);
    expect(results.every((r) => r.ok)).toBe(true);

    const days = await api.get("/v1/reports/spend?from=2026-01-01&to=2026-01-05");
    expect(days.status).toBe(200);
    expect(days.body).toEqual({
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-01-05T00:00:00.000Z",
      granularity: "day",
      currency: "USD",
      total: 188,
      periods: [
        { period: "2026-01-01", total: 0, byAccount: {} },
        { period: "2026-01-02", total: 157, byAccount: { [a.id]: 150, [b.id]: 7 } },
        { period: "2026-01-03", total: 1, byAccount: { [t.primaryId]: 1 } },
        { period: "2026-01-04", total: 30, byAccount: { [b.id]: 30 } },
      ],
    });

    const months = await api.get("/v1/reports/spend?from=2025-12-01&to=2026-03-01&granularity=month");
    expect(months.body.periods).toEqual([
      { period: "2025-12-01", total: 0, byAccount: {} },
      { period: "2026-01-01", total: 188, byAccount: { [a.id]: 150, [b.id]: 37, [t.primaryId]: 1 } },
      { period: "2026-02-01", total: 999, byAccount: { [a.id]: 999 } },
    ]);

    const onlyB = await api.get(`/v1/reports/spend?from=2026-01-01&to=2026-03-01&granularity=month&subAccountId=${b.id}`);
    expect(onlyB.body.total).toBe(37);
    const subView = await apiClient(server.origin, a.apiKey).get("/v1/reports/spend?from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z");
    expect(subView.body).toMatchObject({ total: 150, periods: [{ period: "2026-01-01", total: 0 }, { period: "2026-01-02", total: 150, byAccount: { [a.id]: 150 } }] });
    expect((await apiClient(server.origin, a.apiKey).get(`/v1/reports/spend?from=2026-01-01&to=2026-01-03&subAccountId=${b.id}`)).status).toBe(404);
  });

  it("refuses a bad query with 400 naming the field", async () => {
    const { db } = await handle;
    const api = apiClient(server.origin, (await makeTeam(db)).primaryKey);
    const missing = await api.get("/v1/reports/spend?granularity=week");
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.errors).sort()).toEqual(["from", "granularity", "to"]);
    expect(missing.body.errors.granularity).toBe("must be day or month");
    const backwards = await api.get("/v1/reports/spend?from=2026-02-01&to=2026-01-01");
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual({ to: "must be after from" });
    const huge = await api.get("/v1/reports/spend?from=1900-01-01&to=2026-01-01");
    expect(huge.status).toBe(400);
    expect(huge.body.errors).toEqual({ to: "the range covers more than 1000 periods" });
    expect((await api.get("/v1/reports/spend?from=1900-01-01&to=2026-01-01&granularity=month")).status).toBe(400);
    expect((await api.get("/v1/reports/spend?from=1950-01-01&to=2026-01-01&granularity=month")).status).toBe(200);
  });
});
