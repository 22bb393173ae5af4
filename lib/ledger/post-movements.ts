// The only code that moves money. Takes a list of movements, locks every account they touch in id order,
// applies them in order against DESIGN.md's rules and answers each one (applied or refused with its reason),
// all inside one transaction. A single request passes a list of one; a batcher may pass many.
import { and, eq, inArray, sql } from "drizzle-orm";
import { inPipelinedTransaction, mapRow, type Db } from "@/db/client";
import { accounts, ledgerTransactions, teams } from "@/db/schema";
import { AmountOutOfRange, Conflict, DomainError, Invalid, NotFound, Unauthorized } from "@/lib/errors";
import { inRange } from "@/lib/money";
import { assertBalanceTransfer, assertCharge, assertCreditTransfer } from "./rules";
import type { Account, LedgerTransaction, Movement, MovementResult, Team } from "./types";
import { recordCrossings } from "./alert-crossings";

// Team rows change rarely (alert settings); other processes' edits are seen within the TTL. On globalThis so the
// production server's direct route and Next's bundle share it where they share a thread (the embedded database);
// on Postgres Next.js has a thread of its own (scripts/start.ts) and, like another process, a cache of its own.
const globalForTeams = globalThis as unknown as { subledgerTeams?: Map<string, { team: Team; at: number }> };
const teamCache = (globalForTeams.subledgerTeams ??= new Map());
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

// the accounts a movement names; a shared sub-account's primary is added by the lock statement itself
function touched(m: Movement): string[] {
  return m.type === "charge" || m.type === "top_up" ? [m.accountId] : [m.from, m.to];
}

// A list of ids as one parameter: the statement's text stays the same whatever the batch size, so each connection
// prepares it once (a new text costs Postgres a parse and the driver an extra round trip). As an array, so that
// `= any(…)` finds the rows through the primary key.
const idList = (ids: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
const asJson = (rows: unknown[]) => JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v));

export async function postMovements(db: Db, teamId: string, movements: Movement[]): Promise<MovementResult[]> {
  if (movements.length === 0) return [];
  const team = await loadTeam(db, teamId);
  // Three round trips on Postgres: begin; the four reads, sent together; the one write with the commit behind it.
  return inPipelinedTransaction(db, async (tx) => {
    // A charge on a shared sub-account also needs its primary. Own balance is terminal (own → shared is
    // refused), so reading the mode in the same statement, before its locks, is safe: at worst we lock a primary
    // we did not need.
    const charged = [...new Set(movements.flatMap((m) => (m.type === "charge" && m.accountId !== team.primaryAccountId ? [m.accountId] : [])))];
    const ids = [...new Set(movements.flatMap(touched))];
    const keyIds = [...new Set(movements.flatMap((m) => (m.type === "charge" && m.keyId ? [m.keyId] : [])))];
    const keyed = movements.filter((m) => m.type === "charge" && m.idempotencyKey) as Extract<Movement, { type: "charge" }>[];
    // The statements run in this order, so the key and idempotency reads happen under the accounts' locks.
    // One lock order for every writer (ascending id), so concurrent batches never deadlock.
    const none = Promise.resolve([]);
    const [locked, liveKeyRows, priorRows, reserved] = await Promise.all([
      tx.query(sql`select * from accounts where id = any(${idList(ids)} || array(select ${team.primaryAccountId}::text where exists (
          select 1 from accounts s where s.id = any(${idList(charged)}) and s.balance_mode = 'shared')))
        order by id for update`),
      // keys are checked here, so a charge authenticated from a cache still needs a live key when it commits
      keyIds.length ? tx.query<{ id: string }>(sql`select id from api_keys where id = any(${idList(keyIds)}) and revoked_at is null`) : none,
      keyed.length
        ? tx.query(sql`select * from ledger_transactions where account_id = any(${idList(keyed.map((m) => m.accountId))})
            and idempotency_key = any(${idList(keyed.map((m) => m.idempotencyKey!))})`)
        : none,
      // ids for every movement that may be applied (a refused one leaves a gap), and the transaction's time
      tx.query<{ id: string; at: string }>(sql`select nextval(pg_get_serial_sequence('ledger_transactions', 'id'))::text as id,
          floor(extract(epoch from now()) * 1000)::bigint::text as at from generate_series(1, ${movements.length}::int)`),
    ]);
    const live = new Map<string, Account>();
    for (const a of locked.map((r) => mapRow(accounts, r))) if (a.teamId === teamId && a.kind !== "system") live.set(a.id, a);
    const before = new Map([...live].map(([id, a]) => [id, { ...a }]));
    const liveKeys = new Set(liveKeyRows.map((k) => k.id));
    const prior = new Map<string, LedgerTransaction>();
    for (const r of priorRows.map((r) => mapRow(ledgerTransactions, r))) prior.set(`${r.accountId}\u0000${r.idempotencyKey}`, r);
    const now = new Date(Number(reserved[0].at));

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
          if (m.keyId && !liveKeys.has(m.keyId)) throw new Unauthorized();
          const a = get(m.accountId, m.subAccountOnly ? "Sub-account" : "Account");
          if (m.subAccountOnly && (a.kind !== "sub" || a.deletedAt)) throw new NotFound("Sub-account");
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
      const rows: LedgerTransaction[] = pending.map((p, i) => ({
        id: BigInt(reserved[i].id),
        teamId,
        kind: p.row.kind,
        accountId: p.row.accountId,
        counterpartyId: p.row.counterpartyId ?? null,
        amount: p.row.amount,
        description: p.row.description ?? null,
        reference: p.row.reference ?? null,
        metadata: p.row.metadata ?? {},
        reversesId: null,
        idempotencyKey: p.row.idempotencyKey ?? null,
        createdAt: p.row.createdAt ?? now,
      }));
      const entries = pending.flatMap((p, i) => p.entries.map((e) => ({ transaction_id: rows[i].id, account_id: e.accountId, amount: e.amount })));
      pending.forEach((p, i) => (results[p.index] = { ok: true, transaction: rows[i] }));
      // duplicates inside one batch answer with the transaction of the first
      for (const d of dupes) results[d.index] = { ok: true, transaction: (results[d.of.index] as { transaction: LedgerTransaction }).transaction, replayed: true };
      const changedAccounts = [...changed].map((id) => {
        const a = live.get(id)!;
        return { id: a.id, balance: a.balance, credit_limit: a.creditLimit, total_spent: a.totalSpent };
      });
      // The whole batch in one statement of a fixed text: its transactions, their entries, every changed account.
      // Each part of a WITH that writes runs exactly once, to completion, whether or not anything reads it.
      void tx.query(sql`with t as (
          insert into ledger_transactions (id, team_id, kind, account_id, counterparty_id, amount, description, reference, metadata, idempotency_key, created_at)
          select id, team_id, kind, account_id, counterparty_id, amount, description, reference, metadata, idempotency_key, created_at
          from jsonb_to_recordset(${asJson(rows.map((r) => ({ id: r.id, team_id: r.teamId, kind: r.kind, account_id: r.accountId, counterparty_id: r.counterpartyId, amount: r.amount, description: r.description, reference: r.reference, metadata: r.metadata, idempotency_key: r.idempotencyKey, created_at: r.createdAt })))}::jsonb)
            as x(id bigint, team_id text, kind text, account_id text, counterparty_id text, amount bigint, description text, reference text, metadata jsonb, idempotency_key text, created_at timestamptz)
        ), e as (
          insert into ledger_entries (transaction_id, account_id, amount)
          select transaction_id, account_id, amount from jsonb_to_recordset(${asJson(entries)}::jsonb) as x(transaction_id bigint, account_id text, amount bigint)
        ), u as (
          update accounts as a set balance = v.balance, credit_limit = v.credit_limit, total_spent = v.total_spent, updated_at = now()
          from jsonb_to_recordset(${asJson(changedAccounts)}::jsonb) as v(id text, balance bigint, credit_limit bigint, total_spent bigint)
          where a.id = v.id
        )
        select 1`);
      await recordCrossings(db, tx, team, before, live, changed);
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
