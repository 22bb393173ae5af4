// The ledger's invariants, checkable at any time: balanced transactions, stored balances equal to their
// entries, totalSpent equal to the charges, no account beyond its limit. Answers every violation found.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

export type Violation = { rule: string; id: string; detail: string };

export async function checkInvariants(db: Db): Promise<Violation[]> {
  const out: Violation[] = [];
  for (const r of await queryRows<{ id: string; sum: string }>(
    db,
    sql`select t.id::text as id, coalesce(sum(e.amount), 0)::text as sum
        from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id
        group by t.id having coalesce(sum(e.amount), 0) <> 0`,
  ))
    out.push({ rule: "transaction entries sum to zero", id: `transaction ${r.id}`, detail: `entries sum to ${r.sum}` });

  // system accounts keep no stored balance: their balance is the sum of their entries by definition
  for (const r of await queryRows<{ id: string; stored: string; entries: string }>(
    db,
    sql`select a.id, a.balance::text as stored, coalesce(e.sum, 0)::text as entries
        from accounts a left join (select account_id, sum(amount) as sum from ledger_entries group by account_id) e on e.account_id = a.id
        where a.kind <> 'system' and a.balance <> coalesce(e.sum, 0)`,
  ))
    out.push({ rule: "stored balance equals its entries", id: `account ${r.id}`, detail: `stored ${r.stored}, entries ${r.entries}` });

  for (const r of await queryRows<{ id: string; stored: string; charges: string }>(
    db,
    sql`select a.id, a.total_spent::text as stored, coalesce(c.sum, 0)::text as charges
        from accounts a left join (select account_id, sum(amount) as sum from ledger_transactions where kind = 'charge' group by account_id) c on c.account_id = a.id
        where a.kind <> 'system' and a.total_spent <> coalesce(c.sum, 0)`,
  ))
    out.push({ rule: "totalSpent equals the sum of charges", id: `account ${r.id}`, detail: `stored ${r.stored}, charges ${r.charges}` });

  for (const r of await queryRows<{ id: string; balance: string; limit: string }>(
    db,
    sql`select id, balance::text as balance, coalesce(credit_limit, 0)::text as limit from accounts
        where kind <> 'system' and balance_mode = 'own' and balance < -coalesce(credit_limit, 0)`,
  ))
    out.push({ rule: "own balance within its credit limit", id: `account ${r.id}`, detail: `balance ${r.balance} below -${r.limit}` });

  for (const r of await queryRows<{ id: string; spent: string; cap: string }>(
    db,
    sql`select id, total_spent::text as spent, credit_limit::text as cap from accounts
        where kind = 'sub' and balance_mode = 'shared' and credit_limit is not null and total_spent > credit_limit`,
  ))
    out.push({ rule: "shared sub-account within its cap", id: `account ${r.id}`, detail: `spent ${r.spent} over cap ${r.cap}` });

  for (const r of await queryRows<{ id: string; balance: string }>(
    db,
    sql`select id, balance::text as balance from accounts where kind = 'sub' and balance_mode = 'shared' and balance <> 0`,
  ))
    out.push({ rule: "shared sub-account holds no balance", id: `account ${r.id}`, detail: `balance ${r.balance}` });

  for (const r of await queryRows<{ id: string }>(
    db,
    sql`select distinct e.id::text as id from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
        join accounts a on a.id = e.account_id where a.team_id <> t.team_id`,
  ))
    out.push({ rule: "entries stay within their team", id: `entry ${r.id}`, detail: "entry on another team's account" });
  return out;
}
