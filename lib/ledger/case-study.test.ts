// DESIGN.md's worked example (the Vonage case study), step by step, with exact numbers.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { createTeam } from "@/lib/teams/create-team";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { getAccount } from "@/lib/accounts/get-account";
import { chargeAccount } from "@/lib/charges/charge-account";
import { topUp, transferBalance, transferCredit } from "@/lib/transfers/transfer";
import { CreditLimitExceeded, TransferRefused } from "@/lib/errors";

const handle = setupTestDb();

describe("the case study", () => {
  it("moves every number as DESIGN.md says", async () => {
    const { db } = await handle;
    const team = await createTeam(db, { name: "Acme", currency: "USD", creditLimit: 100n });
    const P = team.primaryAccountId;
    const { account: s1 } = await createSubAccount(db, team.id, { name: "Sub-account 1" });
    const { account: s2 } = await createSubAccount(db, team.id, { name: "Sub-account 2" });
    const look = async (id: string) => {
      const a = await getAccount(db, team.id, id);
      return [a.balance, a.creditLimit, a.totalSpent];
    };

    await updateSubAccount(db, team.id, s1.id, { balanceMode: "own" });
    await transferCredit(db, team.id, { from: P, to: s1.id, amount: 40n });
    expect(await look(P)).toEqual([0n, 60n, 0n]);
    expect(await look(s1.id)).toEqual([0n, 40n, 0n]);

    await chargeAccount(db, team.id, { accountId: P, amount: 20n });
    await chargeAccount(db, team.id, { accountId: s1.id, amount: 40n });
    const blocked = await chargeAccount(db, team.id, { accountId: s1.id, amount: 1n }).catch((e) => e);
    expect(blocked).toBeInstanceOf(CreditLimitExceeded);
    expect(blocked.available).toBe(0n);

    const refused = await transferCredit(db, team.id, { from: P, to: s1.id, amount: 41n }).catch((e) => e);
    expect(refused).toBeInstanceOf(TransferRefused);
    expect(refused.available).toBe(40n);
    await transferCredit(db, team.id, { from: P, to: s1.id, amount: 20n });
    expect(await look(P)).toEqual([-20n, 40n, 20n]);
    expect(await look(s1.id)).toEqual([-40n, 60n, 40n]);

    await chargeAccount(db, team.id, { accountId: s1.id, amount: 10n });
    expect(await look(s1.id)).toEqual([-50n, 60n, 50n]);

    await topUp(db, team.id, { amount: 70n, reference: "invoice" });
    expect(await look(P)).toEqual([50n, 40n, 20n]);
    await transferBalance(db, team.id, { from: P, to: s1.id, amount: 45n });
    expect(await look(P)).toEqual([5n, 40n, 20n]);
    expect(await look(s1.id)).toEqual([-5n, 60n, 50n]);

    await updateSubAccount(db, team.id, s2.id, { balanceMode: "own" });
    await transferCredit(db, team.id, { from: P, to: s2.id, amount: 30n });
    await chargeAccount(db, team.id, { accountId: s2.id, amount: 25n });
    const s2after = await updateSubAccount(db, team.id, s2.id, { status: "suspended" });
    expect(s2after.status).toBe("suspended");
    expect(await look(P)).toEqual([5n, 10n, 20n]);
    expect(await look(s2.id)).toEqual([-25n, 30n, 25n]);
    const suspended = await chargeAccount(db, team.id, { accountId: s2.id, amount: 1n }).catch((e) => e);
    expect(suspended.code).toBe("account_suspended");
  });
});
