// The notifications panel's data: a team's events, newest first, each with a sentence a person can read.
import type { Db } from "@/db/client";
import { loadTeam } from "@/lib/ledger/post-movements";
import { formatMoney } from "@/lib/money";
import type { Page } from "@/lib/pagination";
import { listEvents } from "@/lib/webhooks/list-events";
import type { OutboxEvent } from "@/lib/webhooks/serialize";

export type Notification = {
  id: string;
  type: string;
  severity: "info" | "warning" | "critical";
  title: string;
  detail: string;
  accountId: string | null;
  createdAt: Date;
};

export function describeEvent(e: OutboxEvent, currency: string): Omit<Notification, "id" | "type" | "accountId" | "createdAt"> {
  const d = e.data as Record<string, unknown>;
  const name = String(d.name ?? d.subAccountId ?? "A sub-account");
  const money = (v: unknown) => (typeof v === "number" ? formatMoney(BigInt(v), currency) : "?");
  switch (e.type) {
    case "subaccount.limit_threshold": {
      const mark = Number(d.threshold);
      return {
        severity: mark >= 100 ? "critical" : mark >= 80 ? "warning" : "info",
        title: `${name} used ${mark}% of its credit limit`,
        detail: `${money(d.totalSpent)} spent of ${money(d.creditLimit)}`,
      };
    }
    case "subaccount.blocked":
      return { severity: "critical", title: `${name} can no longer be charged`, detail: "Nothing is left of its limit or of the balance it draws on" };
    case "subaccount.suspended":
      return { severity: "warning", title: `${name} was suspended`, detail: "Charges are refused until it is reactivated" };
    case "team.low_balance":
      return { severity: "warning", title: "The primary balance is low", detail: `${money(d.balance)}, below the ${money(d.threshold)} threshold` };
    case "transfer.created":
      return {
        severity: "info",
        title: `${d.type === "credit_transfer" ? "Credit" : "Balance"} transfer of ${money(d.amount)}`,
        detail: d.reference ? String(d.reference) : "",
      };
    default:
      return { severity: "info", title: e.type, detail: "" };
  }
}

export async function listNotifications(db: Db, teamId: string, opts: { limit?: number; cursor?: string | null } = {}): Promise<Page<Notification>> {
  const team = await loadTeam(db, teamId);
  const page = await listEvents(db, teamId, { limit: opts.limit ?? 20, cursor: opts.cursor });
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((e) => ({ id: String(e.id), type: e.type, accountId: e.accountId, createdAt: e.createdAt, ...describeEvent(e, team.currency) })),
  };
}
