// The transfers report as CSV: every row of the filtered set, paged through the domain list, quoted by csv-stringify.
import { stringify } from "csv-stringify/sync";
import type { Db } from "@/db/client";
import { allSubAccounts } from "@/lib/accounts/list-sub-accounts";
import { getAccount } from "@/lib/accounts/get-account";
import { loadTeam } from "@/lib/ledger/post-movements";
import { minorToInput } from "./money-input";
import { listTransfers, type TransferFilter } from "@/lib/transfers/list-transfers";

const KIND_LABEL: Record<string, string> = { credit_transfer: "credit", balance_transfer: "balance", top_up: "payment" };

export async function transfersCsv(db: Db, teamId: string, filter: TransferFilter) {
  const team = await loadTeam(db, teamId);
  const [primary, subs] = await Promise.all([getAccount(db, teamId, team.primaryAccountId), allSubAccounts(db, teamId)]);
  const names = new Map([[primary.id, `${primary.name} (primary)`], ...subs.map((s) => [s.id, s.name] as [string, string])]);
  const rows: string[][] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listTransfers>> = await listTransfers(db, teamId, { ...filter, limit: 100, cursor });
    for (const t of page.items) {
      const isTopUp = t.kind === "top_up";
      rows.push([
        String(t.id),
        t.createdAt.toISOString(),
        KIND_LABEL[t.kind] ?? t.kind,
        isTopUp ? "" : t.accountId,
        isTopUp ? "" : names.get(t.accountId) ?? "",
        isTopUp ? t.accountId : t.counterpartyId ?? "",
        isTopUp ? names.get(t.accountId) ?? "" : names.get(t.counterpartyId ?? "") ?? "",
        minorToInput(t.amount, team.currency),
        String(t.amount),
        team.currency,
        t.reference ?? "",
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return stringify(rows, {
    header: true,
    columns: ["id", "created_at", "type", "from_account_id", "from_name", "to_account_id", "to_name", "amount", "amount_minor", "currency", "reference"],
  });
}
