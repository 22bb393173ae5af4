// The transfers report's filter, read from the query string the same way by the page and the CSV export.
import { addDays, isValid, parseISO } from "date-fns";
import type { TransferFilter, TransferKind } from "@/lib/transfers/list-transfers";

export const TRANSFER_KINDS: { value: TransferKind; label: string }[] = [
  { value: "credit_transfer", label: "Credit transfers" },
  { value: "balance_transfer", label: "Balance transfers" },
  { value: "top_up", label: "Payments (top-ups)" },
];

export type TransferSearch = { type?: string; account?: string; from?: string; to?: string; cursor?: string };

function day(s: string | undefined) {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const d = parseISO(`${s}T00:00:00Z`);
  return isValid(d) ? d : undefined;
}

// Dates are whole UTC days; "to" is inclusive on screen, so the query runs to the start of the next day.
export function readTransferFilter(sp: TransferSearch): TransferFilter {
  const kind = TRANSFER_KINDS.find((k) => k.value === sp.type)?.value;
  const to = day(sp.to);
  return {
    kinds: kind ? [kind] : undefined,
    accountId: sp.account || undefined,
    from: day(sp.from),
    to: to ? addDays(to, 1) : undefined,
  };
}

export function transferQueryString(sp: TransferSearch) {
  const q = new URLSearchParams();
  for (const k of ["type", "account", "from", "to"] as const) if (sp[k]) q.set(k, sp[k]!);
  return q.toString();
}
