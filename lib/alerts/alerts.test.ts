import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { setupTestDb } from "@/db/testing";
import { events } from "@/db/schema";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { chargeAccount } from "@/lib/charges/charge-account";
import { postMovements } from "@/lib/ledger/post-movements";
import { makeTeam } from "@/lib/testing/fixtures";
import { updateSubAccountAlertSettings, updateTeamAlertSettings } from "./update-alert-settings";

const handle = setupTestDb({ max: 10 });

async function eventsOf(teamId: string) {
  const { db } = await handle;
  return db.select().from(events).where(eq(events.teamId, teamId)).orderBy(asc(events.id));
}

const thresholdsOf = (rows: Awaited<ReturnType<typeof eventsOf>>, accountId: string) =>
  rows.filter((e) => e.type === "subaccount.limit_threshold" && e.accountId === accountId).map((e) => e.data.threshold);

describe("spend alerts", () => {
  it("200 concurrent charges across 50/80/100% fire exactly one event per mark, from two connection pools", async () => {
    const h = await handle;
    const other = await h.openAnother();
    const { team } = await makeTeam(h.db, { balance: 1_000_000n });
    const { account: sub } = await createSubAccount(h.db, team.id, { name: "Busy", creditLimit: 20_000 });
    // 200 × 100 = 20 000: exactly the cap, crossing 50%, 80% and 100% once each
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => chargeAccount(i % 2 ? other.db : h.db, team.id, { accountId: sub.id, amount: 100n })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(200);
    const rows = await eventsOf(team.id);
    expect(thresholdsOf(rows, sub.id)).toEqual([50, 80, 100]);
    expect(rows.filter((e) => e.type === "subaccount.blocked")).toHaveLength(1);
    const at80 = rows.find((e) => e.type === "subaccount.limit_threshold" && e.data.threshold === 80)!;
    expect(at80.data).toMatchObject({ subAccountId: sub.id, usePercent: 80, creditLimit: 20_000, totalSpent: 16_000 });
    // the 201st is refused and fires nothing more
    await expect(chargeAccount(h.db, team.id, { accountId: sub.id, amount: 1n })).rejects.toThrow(/exceeds/);
    expect(await eventsOf(team.id)).toHaveLength(rows.length);
  });

  it("concurrent charges over an own-balance sub-account cross each mark once, and a mark re-arms below it", async () => {
    const h = await handle;
    const other = await h.openAnother();
    const { team } = await makeTeam(h.db, { creditLimit: 100_000n });
    const { account: sub } = await createSubAccount(h.db, team.id, { name: "Own", balanceMode: "own", creditLimit: 10_000 });
    await Promise.all(Array.from({ length: 90 }, (_, i) => chargeAccount(i % 3 ? other.db : h.db, team.id, { accountId: sub.id, amount: 100n })));
    expect(thresholdsOf(await eventsOf(team.id), sub.id)).toEqual([50, 80]);
    // more credit: use falls to 45% (9 000 of 20 000), so the next movement re-arms 50 and 80
    await updateSubAccount(h.db, team.id, sub.id, { creditLimit: 20_000 });
    await chargeAccount(h.db, team.id, { accountId: sub.id, amount: 100n });
    expect(thresholdsOf(await eventsOf(team.id), sub.id)).toEqual([50, 80]);
    await Promise.all(Array.from({ length: 20 }, () => chargeAccount(other.db, team.id, { accountId: sub.id, amount: 100n })));
    // 11 000 of 20 000 = 55%: 50 fires a second time, once
    expect(thresholdsOf(await eventsOf(team.id), sub.id)).toEqual([50, 80, 50]);
  });

  it("a sub-account's own marks override the team's defaults", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 100_000n });
    await updateTeamAlertSettings(db, team.id, { thresholds: [90] });
    const { account: follows } = await createSubAccount(db, team.id, { name: "Follows team", creditLimit: 1_000 });
    const { account: custom } = await createSubAccount(db, team.id, { name: "Custom", creditLimit: 1_000 });
    const { account: quiet } = await createSubAccount(db, team.id, { name: "Quiet", creditLimit: 1_000 });
    await updateSubAccountAlertSettings(db, team.id, custom.id, { thresholds: [75, 25] });
    await updateSubAccountAlertSettings(db, team.id, quiet.id, { thresholds: [] });
    for (const a of [follows, custom, quiet]) for (let i = 0; i < 10; i++) await chargeAccount(db, team.id, { accountId: a.id, amount: 95n });
    const rows = await eventsOf(team.id);
    expect(thresholdsOf(rows, follows.id)).toEqual([90]);
    expect(thresholdsOf(rows, custom.id)).toEqual([25, 75]);
    expect(thresholdsOf(rows, quiet.id)).toEqual([]);
  });

  it("refuses marks outside 1–100 or repeated", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db);
    await expect(updateTeamAlertSettings(db, team.id, { thresholds: [0] })).rejects.toThrow();
    await expect(updateTeamAlertSettings(db, team.id, { thresholds: [50, 50] })).rejects.toThrow();
    await expect(updateTeamAlertSettings(db, team.id, { thresholds: [101] })).rejects.toThrow();
  });

  it("the team's low-balance alert fires once per fall below the threshold, even under concurrent charges", async () => {
    const h = await handle;
    const other = await h.openAnother();
    const { team, primaryId } = await makeTeam(h.db, { balance: 10_000n });
    await updateTeamAlertSettings(h.db, team.id, { lowBalanceThreshold: 5_000 });
    const { account: sub } = await createSubAccount(h.db, team.id, { name: "Shared" });
    await Promise.all(Array.from({ length: 80 }, (_, i) => chargeAccount(i % 2 ? other.db : h.db, team.id, { accountId: sub.id, amount: 100n })));
    let low = (await eventsOf(team.id)).filter((e) => e.type === "team.low_balance");
    expect(low).toHaveLength(1);
    expect(low[0].data).toEqual({ balance: 4_900, threshold: 5_000 });
    await postMovements(h.db, team.id, [{ type: "top_up", accountId: primaryId, amount: 10_000n }]);
    await chargeAccount(h.db, team.id, { accountId: sub.id, amount: 9_000n });
    low = (await eventsOf(team.id)).filter((e) => e.type === "team.low_balance");
    expect(low.map((e) => e.data.balance)).toEqual([4_900, 3_000]);
  });
});
