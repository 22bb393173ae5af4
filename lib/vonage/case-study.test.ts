// The case study through the real SDK against the real route files, books asserted after every step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { chargeAccount } from "@/lib/charges/charge-account";
import { makeTeam } from "@/lib/testing/fixtures";
import { topUp } from "@/lib/transfers/transfer";
import { replayCaseStudy, type BookLine, type Books } from "./case-study";

const { handle, server } = setupTestServer();

const line = (label: string, balance: number | null, creditLimit: number | null, suspended = false) => ({ label, balance, creditLimit, suspended });
const shape = (b: Books) => ({
  totals: [b.totalBalance, b.totalCreditLimit],
  accounts: b.accounts.map(({ label, balance, creditLimit, suspended }: BookLine) => line(label, balance, creditLimit, suspended)),
  credit: b.creditTransfers.map((t) => `${t.amount} ${t.from}→${t.to}`),
  balance: b.balanceTransfers.map((t) => `${t.amount} ${t.from}→${t.to}`),
});

describe("DESIGN.md's case study through @vonage/subaccounts", () => {
  it("keeps every balance, credit limit, total and transfer report exact at each step", async () => {
    const { db } = await handle;
    const { team, primaryId, primaryKey } = await makeTeam(db, { creditLimit: 10000n });
    const { books, sub1, sub2 } = await replayCaseStudy({
      origin: server.origin,
      apiKey: primaryId,
      secret: primaryKey,
      hooks: {
        spend: async (accountId, amount) => void (await chargeAccount(db, team.id, { accountId, amount })),
        pay: async (amount) => void (await topUp(db, team.id, { amount, reference: "month-end invoice" })),
      },
    });
    expect(books.map(shape)).toEqual([
      { totals: [0, -100], accounts: [line("primary", 0, -100)], credit: [], balance: [] },
      { totals: [0, -100], accounts: [line("primary", 0, -100), line("sub 1", null, null), line("sub 2", null, null)], credit: [], balance: [] },
      { totals: [0, -100], accounts: [line("primary", 0, -60), line("sub 1", 0, -40), line("sub 2", null, null)], credit: ["40 primary→sub 1"], balance: [] },
      { totals: [-60, -100], accounts: [line("primary", -20, -60), line("sub 1", -40, -40), line("sub 2", null, null)], credit: ["40 primary→sub 1"], balance: [] },
      { totals: [-60, -100], accounts: [line("primary", -20, -60), line("sub 1", -40, -40), line("sub 2", null, null)], credit: ["40 primary→sub 1"], balance: [] },
      { totals: [-60, -100], accounts: [line("primary", -20, -40), line("sub 1", -40, -60), line("sub 2", null, null)], credit: ["40 primary→sub 1", "20 primary→sub 1"], balance: [] },
      { totals: [-70, -100], accounts: [line("primary", -20, -40), line("sub 1", -50, -60), line("sub 2", null, null)], credit: ["40 primary→sub 1", "20 primary→sub 1"], balance: [] },
      { totals: [0, -100], accounts: [line("primary", 50, -40), line("sub 1", -50, -60), line("sub 2", null, null)], credit: ["40 primary→sub 1", "20 primary→sub 1"], balance: [] },
      { totals: [0, -100], accounts: [line("primary", 5, -40), line("sub 1", -5, -60), line("sub 2", null, null)], credit: ["40 primary→sub 1", "20 primary→sub 1"], balance: ["45 primary→sub 1"] },
      {
        totals: [-25, -100],
        accounts: [line("primary", 5, -10), line("sub 1", -5, -60), line("sub 2", -25, -30, true)],
        credit: ["40 primary→sub 1", "20 primary→sub 1", "30 primary→sub 2"],
        balance: ["45 primary→sub 1"],
      },
    ]);
    // sub 1 blocked at its limit (a domain refusal), then 41 of credit refused by the API with Vonage's 403
    expect(books[3].refused).toEqual({ status: null, detail: `Charge of 1 exceeds the 0 available to account ${sub1}` });
    expect(books[4].refused).toEqual({ status: 403, detail: `Transfer of 41 refused: ${primaryId} has 40 available to transfer` });
    expect(books[9].accounts.map((a) => a.usesPrimaryBalance)).toEqual([undefined, false, false]);
    expect(books[9].creditTransfers.map((t) => t.reference)).toEqual(["sub 1 opening credit", "sub 1 more credit", "sub 2 opening credit"]);
    expect(sub2).not.toBe(sub1);
  });
});
