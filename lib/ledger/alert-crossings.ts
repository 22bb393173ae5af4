// Spend alerts, written in the same transaction as the movement that caused them (the outbox), so a crash
// never loses or invents one. Each mark fires once per crossing and re-arms when the account drops below it.
import { and, eq, inArray } from "drizzle-orm";
import { mapRow, type Db, type Pipeline } from "@/db/client";
import { alertStates, events } from "@/db/schema";
import { chargeAvailable } from "./rules";
import type { Account, Team } from "./types";

// Use of the credit limit in basis points (1% = 100), or null when the account has no limit to use.
export function limitUseBps(a: Account): number | null {
  if (a.creditLimit === null || a.creditLimit <= 0n) return null;
  const used = a.balanceMode === "shared" && a.kind === "sub" ? a.totalSpent : -a.balance;
  if (used <= 0n) return 0;
  return Number((used * 10000n) / a.creditLimit);
}

// A sub-account's own marks override the team's defaults; an empty list silences its threshold alerts.
export function alertMarks(a: Pick<Account, "alertThresholds">, team: Pick<Team, "alertThresholds">): number[] {
  return a.alertThresholds ?? team.alertThresholds ?? [];
}

// `db` only builds the statements; they run on `tx`, the posting's transaction.
export async function recordCrossings(
  db: Db,
  tx: Pipeline,
  team: Team,
  before: Map<string, Account>,
  after: Map<string, Account>,
  changed: Set<string>,
) {
  const changedSubs = [...changed].map((id) => after.get(id)!).filter((a) => a.kind === "sub");
  // Alert state matters only for accounts past some mark before or after: the usual charge, far from any
  // mark, reads and writes nothing more (this runs inside the hot ledger transaction).
  const pastAny = (a: Account | undefined, marks: number[]) => {
    const use = a ? limitUseBps(a) : null;
    return use !== null && marks.some((m) => use >= m * 100);
  };
  const subs = changedSubs.filter((a) => pastAny(a, alertMarks(a, team)) || pastAny(before.get(a.id), alertMarks(a, team)));
  const newEvents: (typeof events.$inferInsert)[] = [];
  const blocked: (typeof events.$inferInsert)[] = [];
  for (const a of changedSubs) {
    const primary = after.get(team.primaryAccountId);
    const wasBlocked = before.get(a.id) && chargeAvailable(before.get(a.id)!, before.get(team.primaryAccountId)) === 0n;
    const isBlocked = chargeAvailable(a, primary) === 0n;
    if (isBlocked && !wasBlocked)
      blocked.push({ teamId: team.id, type: "subaccount.blocked", accountId: a.id, data: { subAccountId: a.id, name: a.name } });
  }
  if (subs.length) {
    // The caller holds every changed account's row lock, so no other transaction reads or writes these states now.
    const rows = await tx.query(db.select().from(alertStates).where(inArray(alertStates.accountId, subs.map((a) => a.id))).getSQL());
    const states = rows.map((r) => mapRow(alertStates, r));
    const armed = new Set(states.map((s) => `${s.accountId}:${s.mark}`));
    for (const a of subs) {
      const use = limitUseBps(a);
      for (const mark of alertMarks(a, team)) {
        const key = `${a.id}:${mark}`;
        const past = use !== null && use >= mark * 100;
        if (past && !armed.has(key)) {
          void tx.query(db.insert(alertStates).values({ accountId: a.id, mark: String(mark) }).getSQL());
          newEvents.push({
            teamId: team.id,
            type: "subaccount.limit_threshold",
            accountId: a.id,
            data: { subAccountId: a.id, name: a.name, threshold: mark, usePercent: (use ?? 0) / 100, creditLimit: Number(a.creditLimit), totalSpent: Number(a.totalSpent), balance: Number(a.balance) },
          });
        } else if (!past && armed.has(key)) {
          void tx.query(db.delete(alertStates).where(and(eq(alertStates.accountId, a.id), eq(alertStates.mark, String(mark)))).getSQL());
        }
      }
    }
  }
  newEvents.push(...blocked);
  const p0 = before.get(team.primaryAccountId);
  const p1 = after.get(team.primaryAccountId);
  if (team.lowBalanceThreshold !== null && p0 && p1 && p0.balance >= team.lowBalanceThreshold && p1.balance < team.lowBalanceThreshold)
    newEvents.push({
      teamId: team.id,
      type: "team.low_balance",
      accountId: p1.id,
      data: { balance: Number(p1.balance), threshold: Number(team.lowBalanceThreshold) },
    });
  if (newEvents.length) void tx.query(db.insert(events).values(newEvents).getSQL());
}
