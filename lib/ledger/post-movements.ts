// The only code that moves money. Takes a list of movements, locks every account they touch in id order,
// applies them in order against DESIGN.md's rules and answers each one (applied or refused with its reason),
// all inside one transaction. A single request passes a list of one; a batcher may pass many.
import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { accounts, ledgerEntries, ledgerTransactions, teams } from "@/db/schema";
import { AmountOutOfRange, Conflict, DomainError, Invalid, NotFound } from "@/lib/errors";
import { inRange } from "@/lib/money";
import { assertBalanceTransfer, assertCharge, assertCreditTransfer } from "./rules";
import type { Account, LedgerTransaction, Movement, MovementResult, Team } from "./types";
import { recordCrossings } from "./alert-crossings";

// Team rows change rarely (alert settings); other processes' edits are seen within the TTL.
const teamCache = new Map<string, { team: Team; at: number }>();
const TEAM_TTL_MS = 3000;

export async function loadTeam(db: Db, teamId: string): Promise<Team> {
  const cached = teamCache.get(teamId);
  if (cached && Date.now() - cached.at < TEAM_TTL_MS) return cached.team;
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  if (!team) throw new NotFound("Team");
  teamCache.set(teamId, { team, at: Date.now() });
  return team;
}

export function forgetTeam(teamId: string) {
  teamCache.delete(teamId);
}

type NewTransaction = typeof ledgerTransactions.$inferInsert;
type Pending = { index: number; row: NewTransaction; entries: { accountId: string; amount: bigint }[] };

function touched(m: Movement, team: Team, withPrimary: boolean): string[] {
  if (m.type === "charge") return withPrimary ? [m.accountId, team.primaryAccountId] : [m.accountId];
  if (m.type === "top_up") return [m.accountId];
  return [m.from, m.to];
}

export async function postMovements(db: Db, teamId: string, movements: Movement[]): Promise<MovementResult[]> {
  if (movements.length === 0) return [];
  return db.transaction(async (tx) => {
    const team = await loadTeam(tx, teamId);
    // A charge on a shared sub-account also needs its primary. Own balance is terminal (own → shared is
    // refused), so reading the mode before locking is safe: at worst we lock a primary we did not need.
    const charged = [...new Set(movements.flatMap((m) => (m.type === "charge" && m.accountId !== team.primaryAccountId ? [m.accountId] : [])))];
    const needsPrimary = charged.length
      ? (await tx.select({ id: accounts.id }).from(accounts).where(and(inArray(accounts.id, charged), eq(accounts.balanceMode, "shared"))).limit(1)).length > 0
      : false;
    const ids = [...new Set(movements.flatMap((m) => touched(m, team, needsPrimary)))].sort();
    // One lock order for every writer (ascending id) so concurrent batches never deadlock.
    const locked = await tx.select().from(accounts).where(inArray(accounts.id, ids)).orderBy(accounts.id).for("update");
    const live = new Map<string, Account>();
    for (const a of locked) if (a.teamId === teamId && a.kind !== "system") live.set(a.id, { ...a });
    const before = new Map([...live].map(([id, a]) => [id, { ...a }]));

    const keyed = movements.filter((m) => m.type === "charge" && m.idempotencyKey) as Extract<Movement, { type: "charge" }>[];
    const prior = new Map<string, LedgerTransaction>();
    if (keyed.length) {
      const rows = await tx
        .select()
        .from(ledgerTransactions)
        .where(
          and(
            inArray(ledgerTransactions.accountId, [...new Set(keyed.map((m) => m.accountId))]),
            inArray(ledgerTransactions.idempotencyKey, [...new Set(keyed.map((m) => m.idempotencyKey!))]),
          ),
        );
      for (const r of rows) prior.set(`${r.accountId}\u0000${r.idempotencyKey}`, r);
    }

    const results: MovementResult[] = new Array(movements.length);
    const pending: Pending[] = [];
    const inBatch = new Map<string, Pending>();
    const dupes: { index: number; of: Pending }[] = [];
    const changed = new Set<string>();
    const get = (id: string, what = "Account") => {
      const a = live.get(id);
      if (!a) throw new NotFound(what);
      return a;
    };

    for (const [index, m] of movements.entries()) {
      try {
        if (m.type === "charge") {
          const a = get(m.accountId);
          if (m.idempotencyKey) {
            const k = `${a.id}\u0000${m.idempotencyKey}`;
            const seen = prior.get(k) ?? inBatch.get(k)?.row;
            if (seen) {
              if (seen.amount !== m.amount || (seen.description ?? null) !== (m.description ?? null))
                throw new Conflict("This idempotency key was already used for a different charge");
              if (prior.get(k)) results[index] = { ok: true, transaction: prior.get(k)!, replayed: true };
              else dupes.push({ index, of: inBatch.get(k)! });
              continue;
            }
          }
          const shared = a.kind === "sub" && a.balanceMode === "shared";
          const primary = shared ? get(team.primaryAccountId) : undefined;
          assertCharge(a, primary, m.amount);
          const payer = primary ?? a;
          payer.balance -= m.amount;
          a.totalSpent += m.amount;
          changed.add(payer.id).add(a.id);
          const p: Pending = {
            index,
            row: {
              teamId,
              kind: "charge",
              accountId: a.id,
              counterpartyId: shared ? payer.id : null,
              amount: m.amount,
              description: m.description ?? null,
              metadata: m.metadata ?? {},
              idempotencyKey: m.idempotencyKey ?? null,
              ...(m.at ? { createdAt: m.at } : {}),
            },
            entries: [
              { accountId: payer.id, amount: -m.amount },
              { accountId: team.revenueAccountId, amount: m.amount },
            ],
          };
          pending.push(p);
          if (m.idempotencyKey) inBatch.set(`${a.id}\u0000${m.idempotencyKey}`, p);
        } else if (m.type === "top_up") {
          const a = get(m.accountId);
          if (a.kind !== "primary") throw new Invalid({ accountId: "top-ups are paid into the primary account" });
          if (m.amount <= 0n) throw new Invalid({ amount: "must be a positive whole number of minor units" });
          if (!inRange(a.balance + m.amount)) throw new AmountOutOfRange();
          a.balance += m.amount;
          changed.add(a.id);
          pending.push({
            index,
            row: { teamId, kind: "top_up", accountId: a.id, amount: m.amount, reference: m.reference ?? null, description: m.description ?? null, ...(m.at ? { createdAt: m.at } : {}) },
            entries: [
              { accountId: a.id, amount: m.amount },
              { accountId: team.paymentsAccountId, amount: -m.amount },
            ],
          });
        } else {
          const from = get(m.from, "Source account");
          const to = get(m.to, "Destination account");
          if (m.type === "credit_transfer") {
            assertCreditTransfer(from, to, m.amount, m.internal);
            from.creditLimit = (from.creditLimit ?? 0n) - m.amount;
            to.creditLimit = (to.creditLimit ?? 0n) + m.amount;
          } else {
            assertBalanceTransfer(from, to, m.amount, m.internal);
            from.balance -= m.amount;
            to.balance += m.amount;
          }
          changed.add(from.id).add(to.id);
          pending.push({
            index,
            row: { teamId, kind: m.type, accountId: from.id, counterpartyId: to.id, amount: m.amount, reference: m.reference ?? null, ...(m.at ? { createdAt: m.at } : {}) },
            entries:
              m.type === "balance_transfer"
                ? [
                    { accountId: from.id, amount: -m.amount },
                    { accountId: to.id, amount: m.amount },
                  ]
                : [],
          });
        }
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        results[index] = { ok: false, error: e };
      }
    }

    if (pending.length) {
      if (pending.length > 1) {
        const rows = await queryRows<{ id: string }>(
          tx,
          sql`select nextval(pg_get_serial_sequence('ledger_transactions', 'id'))::text as id from generate_series(1, ${pending.length})`,
        );
        pending.forEach((p, i) => (p.row.id = BigInt(rows[i].id)));
      }
      const inserted = await tx.insert(ledgerTransactions).values(pending.map((p) => p.row)).returning();
      const byId = new Map(inserted.map((r) => [r.id, r]));
      const single = inserted.length === 1 ? inserted[0] : undefined;
      const entries: (typeof ledgerEntries.$inferInsert)[] = [];
      for (const p of pending) {
        const row = single ?? byId.get(p.row.id!)!;
        p.row.id = row.id;
        for (const e of p.entries) entries.push({ transactionId: row.id, accountId: e.accountId, amount: e.amount });
        results[p.index] = { ok: true, transaction: row };
      }
      // duplicates inside one batch answer with the transaction of the first
      for (const d of dupes) results[d.index] = { ok: true, transaction: (results[d.of.index] as { transaction: LedgerTransaction }).transaction, replayed: true };
      if (entries.length) await tx.insert(ledgerEntries).values(entries);
      // every changed account in one statement, however large the batch
      const values = [...changed].map((id) => {
        const a = live.get(id)!;
        return sql`(${a.id}::text, ${a.balance}::bigint, ${a.creditLimit}::bigint, ${a.totalSpent}::bigint)`;
      });
      await tx.execute(sql`update accounts as a
        set balance = v.balance, credit_limit = v.credit_limit, total_spent = v.total_spent, updated_at = now()
        from (values ${sql.join(values, sql`, `)}) as v(id, balance, credit_limit, total_spent)
        where a.id = v.id`);
      await recordCrossings(tx, team, before, live, changed);
    }
    return results;
  });
}

// For domain code that changes account rows outside a movement (status, caps): same lock order as the ledger.
export async function lockAccounts(tx: Db, teamId: string, ids: string[]): Promise<Map<string, Account>> {
  const rows = await tx
    .select()
    .from(accounts)
    .where(and(inArray(accounts.id, [...new Set(ids)].sort()), eq(accounts.teamId, teamId)))
    .orderBy(accounts.id)
    .for("update");
  return new Map(rows.map((r) => [r.id, r]));
}
