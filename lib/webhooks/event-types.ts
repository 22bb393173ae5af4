// The events Subledger writes to its outbox, and what an endpoint may subscribe to ("*" is every type).
export const EVENT_TYPES = [
  "subaccount.limit_threshold",
  "subaccount.blocked",
  "subaccount.suspended",
  "team.low_balance",
  "transfer.created",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function subscribes(endpointEvents: string[], type: string) {
  return endpointEvents.includes("*") || endpointEvents.includes(type);
}
