// A customer's charges: one page for the screen, or every charge of a date range as CSV.
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/db/client";
import { listCharges } from "@/lib/charges/list-charges";
import { currencyDigits } from "@/lib/money";
import type { PortalScope } from "./load-portal-overview";
import { chargeRangeSchema } from "./schemas";

export async function listCustomerCharges(db: Db, scope: PortalScope, f: { from?: Date; to?: Date; cursor?: string | null; limit?: number }) {
  return listCharges(db, scope.teamId, { accountId: scope.accountId, from: f.from, to: f.to, cursor: f.cursor, limit: f.limit ?? 25 });
}

// Amounts in major units as exact decimal strings (no float), so spreadsheets sum them right.
function major(minor: bigint, digits: number) {
  const neg = minor < 0n;
  const abs = neg ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  return `${neg ? "-" : ""}${abs / scale}${digits ? "." + String(abs % scale).padStart(digits, "0") : ""}`;
}

export const CSV_ROW_LIMIT = 50_000;

export async function customerChargesCsv(db: Db, scope: PortalScope, currency: string, f: { from?: Date; to?: Date }) {
  const digits = currencyDigits(currency);
  const rows: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await listCharges(db, scope.teamId, { accountId: scope.accountId, from: f.from, to: f.to, cursor, limit: 100 });
    for (const c of page.items) rows.push([String(c.id), c.createdAt.toISOString(), c.description ?? "", major(c.amount, digits), currency]);
    cursor = page.nextCursor;
  } while (cursor && rows.length < CSV_ROW_LIMIT);
  return stringify(rows, { header: true, columns: ["id", "created_at", "description", "amount", "currency"] });
}

// The date filter of the page and the export, from its query string: a range, or the message to show.
export function customerChargesRange(q: { from?: string; to?: string }): { ok: true; value: { from?: Date; to?: Date } } | { ok: false; error: string } {
  const r = chargeRangeSchema.safeParse({ from: q.from ?? "", to: q.to ?? "" });
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false, error: `${issue.path[0] === "to" ? "End date" : "Start date"} ${issue.message}` };
}
