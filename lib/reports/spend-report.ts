// Spend per account per UTC day (or month): the time series behind every chart. Every period is present.
import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ledgerTransactions } from "@/db/schema";

export type Granularity = "day" | "month";
export type SpendPoint = { period: string; accountId: string; amount: bigint };

function utcDay(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
function utcMonth(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

// The periods [from, to) covers, as ISO dates (YYYY-MM-DD; months as their first day).
export function periods(from: Date, to: Date, g: Granularity): string[] {
  const out: string[] = [];
  let cur = g === "day" ? utcDay(from) : utcMonth(from);
  while (cur < to) {
    out.push(cur.toISOString().slice(0, 10));
    cur = g === "day" ? new Date(cur.getTime() + 86_400_000) : new Date(Date.UTC(cur.getUTCFullYear(), cur.getUTCMonth() + 1, 1));
  }
  return out;
}

export async function spendReport(
  db: Db,
  teamId: string,
  opts: { from: Date; to: Date; granularity?: Granularity; accountId?: string },
) {
  const g = opts.granularity ?? "day";
  // the unit is inlined (from a closed set) so select and group by are the same expression
  const unit = sql.raw(g === "month" ? "'month'" : "'day'");
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${ledgerTransactions.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const where: SQL[] = [
    eq(ledgerTransactions.teamId, teamId),
    eq(ledgerTransactions.kind, "charge"),
    gte(ledgerTransactions.createdAt, opts.from),
    lt(ledgerTransactions.createdAt, opts.to),
  ];
  if (opts.accountId) where.push(eq(ledgerTransactions.accountId, opts.accountId));
  const rows = await db
    .select({ period: bucket, accountId: ledgerTransactions.accountId, amount: sql<string>`sum(${ledgerTransactions.amount})::text` })
    .from(ledgerTransactions)
    .where(and(...where))
    .groupBy(bucket, ledgerTransactions.accountId);
  const byPeriod = new Map<string, { total: bigint; byAccount: Record<string, bigint> }>();
  for (const p of periods(opts.from, opts.to, g)) byPeriod.set(p, { total: 0n, byAccount: {} });
  for (const r of rows) {
    const slot = byPeriod.get(r.period);
    if (!slot) continue;
    const v = BigInt(r.amount);
    slot.total += v;
    slot.byAccount[r.accountId] = (slot.byAccount[r.accountId] ?? 0n) + v;
  }
  return [...byPeriod].map(([period, s]) => ({ period, total: s.total, byAccount: s.byAccount }));
}
