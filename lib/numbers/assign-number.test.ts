// Moving numbers in the domain: team boundaries, deactivated targets, and concurrent moves of one number.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { deactivateSubAccount } from "@/lib/accounts/deactivate-sub-account";
import { makeTeam } from "@/lib/testing/fixtures";
import { addNumber } from "./add-number";
import { assignNumber } from "./assign-number";
import { listNumbers } from "./list-numbers";
import { transferNumber } from "./transfer-number";

const handle = setupTestDb({ max: 4 });

describe("assignNumber and transferNumber", () => {
  it("never moves a number across teams or to a deactivated account", async () => {
    const { db } = await handle;
    const { team, primaryId } = await makeTeam(db);
    const other = await makeTeam(db);
    const { account: gone } = await createSubAccount(db, team.id, { name: "Gone" });
    await deactivateSubAccount(db, team.id, gone.id);
    const n = await addNumber(db, team.id, { number: "4915112345678", country: "DE" });
    await expect(assignNumber(db, team.id, { numberId: n.id, accountId: other.primaryId })).rejects.toMatchObject({ code: "not_found" });
    await expect(assignNumber(db, other.team.id, { numberId: n.id, accountId: other.primaryId })).rejects.toMatchObject({ code: "not_found" });
    await expect(assignNumber(db, team.id, { numberId: n.id, accountId: gone.id })).rejects.toMatchObject({ code: "account_inactive" });
    await expect(transferNumber(db, other.team.id, { from: primaryId, to: other.primaryId, number: n.number, country: "DE" })).rejects.toMatchObject({ code: "not_found" });
    await expect(addNumber(db, team.id, { number: "4915100000000", country: "DE", accountId: gone.id })).rejects.toMatchObject({ code: "account_inactive" });
    expect((await listNumbers(db, team.id)).items.map((x) => x.accountId)).toEqual([primaryId]);
  });

  it("lets exactly one of two concurrent transfers of one number from the same holder through", async () => {
    const { db, openAnother } = await handle;
    const db2 = (await openAnother()).db;
    const { team, primaryId } = await makeTeam(db);
    const { account: a } = await createSubAccount(db, team.id, { name: "A" });
    const { account: b } = await createSubAccount(db, team.id, { name: "B" });
    await addNumber(db, team.id, { number: "4915199999999", country: "DE" });
    const results = await Promise.allSettled([
      transferNumber(db, team.id, { from: primaryId, to: a.id, number: "4915199999999", country: "DE" }),
      transferNumber(db2, team.id, { from: primaryId, to: b.id, number: "4915199999999", country: "DE" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ accountId: string }>).value.accountId;
    expect((await listNumbers(db, team.id)).items.map((x) => x.accountId)).toEqual([winner]);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: "invalid", fields: { from: "does not hold number 4915199999999 (DE)" } });
  });
});
