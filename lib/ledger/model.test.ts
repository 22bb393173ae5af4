// Generated sequences of money operations, checked against an independent exact-arithmetic model of
// DESIGN.md's rules: every answer (applied or refused) and every number must agree.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { getAccount } from "@/lib/accounts/get-account";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { chargeAccount } from "@/lib/charges/charge-account";
import { topUp, transferBalance, transferCredit } from "@/lib/transfers/transfer";
import { makeTeam } from "@/lib/testing/fixtures";
import { DomainError } from "@/lib/errors";

const handle = setupTestDb();

type M = { balance: bigint; limit: bigint | null; spent: bigint; shared: boolean; suspended: boolean };
type Op =
  | { op: "charge"; who: number; amount: bigint }
  | { op: "topUp"; amount: bigint }
  | { op: "credit" | "balance"; sub: number; out: boolean; amount: bigint }
  | { op: "suspend" | "resume" | "own"; sub: number }
  | { op: "cap"; sub: number; cap: bigint | null };

// The model: written from DESIGN.md's text, sharing no code with lib/ledger.
function apply(m: M[], o: Op): boolean {
  const P = m[0];
  const max0 = (x: bigint) => (x > 0n ? x : 0n);
  switch (o.op) {
    case "charge": {
      const a = m[o.who];
      if (a.suspended) return false;
      if (o.who > 0 && a.shared) {
        if (a.limit !== null && a.spent + o.amount > a.limit) return false;
        if (P.balance - o.amount < -(P.limit ?? 0n)) return false;
        P.balance -= o.amount;
        a.spent += o.amount;
        return true;
      }
      if (a.balance - o.amount < -(a.limit ?? 0n)) return false;
      a.balance -= o.amount;
      a.spent += o.amount;
      return true;
    }
    case "topUp":
      P.balance += o.amount;
      return true;
    case "credit":
    case "balance": {
      const s = m[o.sub];
      if (s.shared) return false;
      const [from, to] = o.out ? [P, s] : [s, P];
      if (o.op === "credit") {
        if ((from.limit ?? 0n) - o.amount < max0(-from.balance)) return false;
        from.limit = (from.limit ?? 0n) - o.amount;
        to.limit = (to.limit ?? 0n) + o.amount;
      } else {
        if (from.balance - o.amount < -(from.limit ?? 0n)) return false;
        from.balance -= o.amount;
        to.balance += o.amount;
      }
      return true;
    }
    case "suspend":
      m[o.sub].suspended = true;
      return true;
    case "resume":
      m[o.sub].suspended = false;
      return true;
    case "own":
      if (m[o.sub].shared) Object.assign(m[o.sub], { shared: false, limit: 0n });
      return true;
    case "cap": {
      const s = m[o.sub];
      if (!s.shared) return true; // not generated against own accounts; see below
      if (o.cap !== null && o.cap < s.spent) return false;
      s.limit = o.cap;
      return true;
    }
  }
}

const amount = fc.bigInt({ min: 1n, max: 400n });
const sub = fc.integer({ min: 1, max: 3 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant("charge" as const), who: fc.integer({ min: 0, max: 3 }), amount }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("topUp" as const), amount }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom("credit" as const, "balance" as const), sub, out: fc.boolean(), amount }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom("suspend" as const, "resume" as const, "own" as const), sub }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("cap" as const), sub, cap: fc.option(fc.bigInt({ min: 0n, max: 800n }), { nil: null }) }) },
);

describe("the ledger against an exact model", () => {
  it("agrees on every answer and every number", async () => {
    const { db } = await handle;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
        const { team } = await makeTeam(db, { balance: 500n, creditLimit: 300n });
        const ids = [team.primaryAccountId];
        for (let i = 1; i <= 3; i++) ids.push((await createSubAccount(db, team.id, { name: `s${i}`, creditLimit: i === 1 ? 600 : null, withKey: false })).account.id);
        const model: M[] = [
          { balance: 500n, limit: 300n, spent: 0n, shared: false, suspended: false },
          { balance: 0n, limit: 600n, spent: 0n, shared: true, suspended: false },
          { balance: 0n, limit: null, spent: 0n, shared: true, suspended: false },
          { balance: 0n, limit: null, spent: 0n, shared: true, suspended: false },
        ];
        for (const o of ops) {
          if (o.op === "cap" && !model[o.sub].shared) continue;
          const expected = apply(model, o);
          let got = true;
          try {
            if (o.op === "charge") await chargeAccount(db, team.id, { accountId: ids[o.who], amount: o.amount });
            else if (o.op === "topUp") await topUp(db, team.id, { amount: o.amount });
            else if (o.op === "credit" || o.op === "balance") {
              const [from, to] = o.out ? [ids[0], ids[o.sub]] : [ids[o.sub], ids[0]];
              await (o.op === "credit" ? transferCredit : transferBalance)(db, team.id, { from, to, amount: o.amount });
            } else if (o.op === "suspend" || o.op === "resume") await updateSubAccount(db, team.id, ids[o.sub], { status: o.op === "suspend" ? "suspended" : "active" });
            else if (o.op === "own") await updateSubAccount(db, team.id, ids[o.sub], { balanceMode: "own" });
            else if (o.op === "cap") await updateSubAccount(db, team.id, ids[o.sub], { creditLimit: o.cap === null ? null : Number(o.cap) });
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            got = false;
          }
          expect({ op: o, applied: got }).toEqual({ op: o, applied: expected });
        }
        for (const [i, id] of ids.entries()) {
          const a = await getAccount(db, team.id, id);
          const m = model[i];
          expect([a.balance, a.creditLimit, a.totalSpent, a.balanceMode, a.status]).toEqual([
            m.shared ? 0n : m.balance,
            m.limit,
            m.spent,
            m.shared ? "shared" : "own",
            m.suspended ? "suspended" : "active",
          ]);
        }
      }),
      { numRuns: 25, seed: Number(process.env.MODEL_SEED ?? 20261203) },
    );
  }, 300_000);
});
