// The native API's shape of a number (camelCase, like the rest of /api/v1).
import type { PhoneNumber } from "./schemas";

export function numberJson(n: PhoneNumber, primaryAccountId: string) {
  return {
    id: n.id,
    number: n.number,
    country: n.country,
    accountId: n.accountId,
    // null while the primary holds it
    subAccountId: n.accountId === primaryAccountId ? null : n.accountId,
    createdAt: n.createdAt.toISOString(),
  };
}
