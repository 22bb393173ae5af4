// The demo team: DESIGN.md's case study (in dollars) today, plus three months of synthetic daily usage over
// ten own-balance sub-accounts, paid back at each month's end, so charts have something real-looking to show.
import { addDays, subDays } from "date-fns";
import type { Db } from "@/db/client";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { chargeAccount } from "@/lib/charges/charge-account";
import { postMovements } from "@/lib/ledger/post-movements";
import type { Movement } from "@/lib/ledger/types";
import { bootstrapTeam } from "@/lib/teams/bootstrap-team";
import { topUp, transferBalance, transferCredit } from "@/lib/transfers/transfer";

export const DEMO_EMAIL = "demo@subledger.local";
export const DEMO_PASSWORD = "demo-password";

const customers = ["Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Stark Retail", "Wayne Logistics", "Soylent", "Tyrell Labs", "Cyberdyne"];
const CREDIT_EACH = 50_000n;

// A small seeded generator: the same demo every time.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function must(results: Awaited<ReturnType<typeof postMovements>>) {
  for (const r of results) if (!r.ok) throw r.error;
}

export async function seedDemo(db: Db, now = new Date()) {
  const { team, apiKey } = await bootstrapTeam(db, {
    team: "Demo Partner",
    currency: "USD",
    creditLimit: 10_000n + CREDIT_EACH * BigInt(customers.length),
    email: DEMO_EMAIL,
    password: DEMO_PASSWORD,
  });
  const P = team.primaryAccountId;
  const rand = rng(42);
  // whole UTC days, from 90 days ago up to yesterday; today holds the case study
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const historyFrom = subDays(today, 90);

  const subs: string[] = [];
  for (const [i, name] of customers.entries()) {
    const { account } = await createSubAccount(db, team.id, {
      name,
      externalId: `cust-${1001 + i}`,
      balanceMode: "own",
      creditLimit: Number(CREDIT_EACH),
      metadata: { plan: i % 3 === 0 ? "enterprise" : "growth" },
    });
    subs.push(account.id);
  }

  let monthUsage = new Map<string, bigint>();
  const settle = async (at: Date) => {
    let total = 0n;
    for (const v of monthUsage.values()) total += v;
    if (total === 0n) return;
    await must(await postMovements(db, team.id, [{ type: "top_up", accountId: P, amount: total, reference: "monthly invoice paid", at }]));
    await must(
      await postMovements(
        db,
        team.id,
        [...monthUsage].map(([id, v]) => ({ type: "balance_transfer", from: P, to: id, amount: v, reference: "month-end settlement", at }) as Movement),
      ),
    );
    monthUsage = new Map();
  };

  for (let d = historyFrom; d < today; d = addDays(d, 1)) {
    if (d.getUTCDate() === 1) await settle(d);
    const day: Movement[] = [];
    for (const [i, id] of subs.entries()) {
      const weight = 1 + (i % 4);
      const n = Math.floor(rand() * 3) + 1;
      for (let k = 0; k < n; k++) {
        const amount = BigInt(Math.floor(rand() * 90 * weight) + 10);
        const used = monthUsage.get(id) ?? 0n;
        if (used + amount > CREDIT_EACH - 1_000n) continue;
        monthUsage.set(id, used + amount);
        day.push({ type: "charge", accountId: id, amount, description: ["SMS", "Voice minute", "AI tokens"][k % 3], at: new Date(d.getTime() + (9 + 4 * k) * 3_600_000) });
      }
    }
    await must(await postMovements(db, team.id, day));
  }

  // DESIGN.md's case study, in dollars, today.
  const { account: s1 } = await createSubAccount(db, team.id, { name: "Sub-account 1", externalId: "case-1" });
  const { account: s2 } = await createSubAccount(db, team.id, { name: "Sub-account 2", externalId: "case-2" });
  await updateSubAccount(db, team.id, s1.id, { balanceMode: "own" });
  await transferCredit(db, team.id, { from: P, to: s1.id, amount: 4_000n });
  await chargeAccount(db, team.id, { accountId: P, amount: 2_000n, description: "Primary usage" });
  await chargeAccount(db, team.id, { accountId: s1.id, amount: 4_000n, description: "SMS" });
  await transferCredit(db, team.id, { from: P, to: s1.id, amount: 2_000n });
  await chargeAccount(db, team.id, { accountId: s1.id, amount: 1_000n, description: "SMS" });
  await topUp(db, team.id, { amount: 7_000n, reference: "month-end invoice" });
  await transferBalance(db, team.id, { from: P, to: s1.id, amount: 4_500n });
  await updateSubAccount(db, team.id, s2.id, { balanceMode: "own" });
  await transferCredit(db, team.id, { from: P, to: s2.id, amount: 3_000n });
  await chargeAccount(db, team.id, { accountId: s2.id, amount: 2_500n, description: "Voice minute" });
  await updateSubAccount(db, team.id, s2.id, { status: "suspended" });
  return { team, apiKey, email: DEMO_EMAIL, password: DEMO_PASSWORD };
}
