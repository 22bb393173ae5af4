// A customer's own API keys: created (shown once) and revoked from the portal, if the partner allows it.
import type { Db } from "@/db/client";
import { getSubAccount } from "@/lib/accounts/get-account";
import type { Actor } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/alerts/schemas";
import { Forbidden } from "@/lib/errors";
import { createApiKey } from "@/lib/keys/create-api-key";
import { listApiKeys } from "@/lib/keys/list-api-keys";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import type { PortalScope } from "./load-portal-overview";
import { customerKeySchema } from "./schemas";

async function keysAllowed(db: Db, scope: PortalScope) {
  const account = await getSubAccount(db, scope.teamId, scope.accountId);
  if (!account.customerKeysAllowed) throw new Forbidden("Your provider manages this account's API keys");
  if (account.status === "deactivated") throw new Forbidden("This account is deactivated");
  return account;
}

export async function listCustomerKeys(db: Db, scope: PortalScope) {
  return (await listApiKeys(db, scope.teamId, scope.accountId, { limit: 100 })).items;
}

export async function createCustomerKey(db: Db, scope: PortalScope, raw: unknown, actor: Actor) {
  const input = parseInput(customerKeySchema, raw);
  return db.transaction(async (tx) => {
    await keysAllowed(tx, scope);
    return createApiKey(tx, scope.teamId, scope.accountId, input, actor);
  });
}

export async function revokeCustomerKey(db: Db, scope: PortalScope, keyId: string, actor: Actor) {
  await keysAllowed(db, scope);
  // scoped by account: another account's key id is simply not found
  return revokeApiKey(db, scope.teamId, scope.accountId, keyId, actor);
}
