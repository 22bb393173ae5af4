// Many writers at once, over two connection pools (two app processes on Postgres): exact outcomes only.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { getAccount } from "@/lib/accounts/get-account";
import { chargeAccount } from "@/lib/charges/charge-account";
import { transferBalance, transferCredit } from "@/lib/transfers/transfer";
import { makeTeam } from "@/lib/testing/fixtures";
import { CreditLimitExceeded, TransferRefused } from "@/lib/errors";

const handle = setupTestDb({ max: 8 });

async function settle<T>(ps: Promise<T>[]) {
  const rs = await Promise.allSettled(ps);
  return {
    ok: rs.filter((r) => r.status === "fulfilled").length,
    refusals: rs.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason),
  };
}

describe("concurrent money", () => {
  it("400 parallel 1-cent charges on a sub-account capped at 100: exactly 100 succeed", async () => {
    const h = await handle;
    const other = await h.openAnother();
    const { team } = await makeTeam(h.db, { balance: 10_000n });
    const { account } = await createSubAccount(h.db, team.id, { name: "capped", creditLimit: 100 });
    const { ok, refusals } = await settle(
      Array.from({ length: 400 }, (_, i) => chargeAccount(i % 2 ? other.db : h.db, team.id, { accountId: account.id, amount: 1n })),
    );
    expect(ok).toBe(100);
    expect(refusals).toHaveLength(300);
    expect(refusals.every((e) => e instanceof CreditLimitExceeded && e.available === 0n)).toBe(true);
    const a = await getAccount(h.db, team.id, account.id);
    expect(a.totalSpent).toBe(100n);
    expect((await getAccount(h.db, team.id, team.primaryAccountId)).balance).toBe(9_900n);
  });

  it("ten shared sub-accounts racing for the primary's last 1,000 cents leave it at exactly 0", async () => {
    const h = await handle;
    const other = await h.openAnother();
    const { team } = await makeTeam(h.db, { balance: 1_000n });
    const subs = [];
    for (let i = 0; i < 10; i++) subs.push((await createSubAccount(h.db, team.id, { name: `shared ${i}` })).account);
    const attempts = subs.flatMap((s, i) =>
      Array.from({ length: 20 }, (_, k) => chargeAccount((i + k) % 2 ? other.db : h.db, team.id, { accountId: s.id, amount: 10n })),
    );
    const { ok, refusals } = await settle(attempts);
    expect(ok).toBe(100);
    expect(refusals.every((e) => e instanceof CreditLimitExceeded)).toBe(true);
    expect((await getAccount(h.db, team.id, team.primaryAccountId)).balance).toBe(0n);
    let spent = 0n;
    for (const s of subs) spent += (await getAccount(h.db, team.id, s.id)).totalSpent;
    expect(spent).toBe(1_000n);
  });

  it("concurrent credit and balance transfers both ways, with charges, never break a rule", async () => {
    const h = await handle;
    const other = await h.openAnother();
    const { team } = await makeTeam(h.db, { balance: 5_000n, creditLimit: 3_000n });
    const P = team.primaryAccountId;
    const subs = [];
    for (let i = 0; i < 3; i++) subs.push((await createSubAccount(h.db, team.id, { name: `own ${i}`, balanceMode: "own", creditLimit: 500 })).account);
    // a fixed pseudo-random schedule, so a failure can be replayed
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 48271) % 2147483647), seed % n);
    const ops: Promise<unknown>[] = [];
    let charged = 0n;
    const charges: Promise<void>[] = [];
    for (let i = 0; i < 240; i++) {
      const db = i % 2 ? other.db : h.db;
      const s = subs[next(3)].id;
      const amount = BigInt(next(400) + 1);
      const out = next(2) === 0;
      switch (next(3)) {
        case 0:
          ops.push(transferCredit(db, team.id, out ? { from: P, to: s, amount } : { from: s, to: P, amount }));
          break;
        case 1:
          ops.push(transferBalance(db, team.id, out ? { from: P, to: s, amount } : { from: s, to: P, amount }));
          break;
        default: {
          const c = chargeAccount(db, team.id, { accountId: next(4) === 0 ? P : s, amount }).then(() => {
            charged += amount;
          });
          charges.push(c);
          ops.push(c);
        }
      }
    }
    const { ok, refusals } = await settle(ops);
    expect(ok + refusals.length).toBe(240);
    expect(refusals.every((e) => e instanceof TransferRefused || e instanceof CreditLimitExceeded)).toBe(true);
    const all = [await getAccount(h.db, team.id, P), ...(await Promise.all(subs.map((s) => getAccount(h.db, team.id, s.id))))];
    // credit only moves; money only leaves by charges
    expect(all.reduce((t, a) => t + (a.creditLimit ?? 0n), 0n)).toBe(3_000n);
    expect(all.reduce((t, a) => t + a.balance, 0n)).toBe(5_000n - charged);
    for (const a of all) {
      expect(a.balance).toBeGreaterThanOrEqual(-(a.creditLimit ?? 0n));
      expect(a.creditLimit! >= 0n).toBe(true);
    }
  });
});
