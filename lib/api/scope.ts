// What an API key may see. A primary key sees its whole team; a sub-account key sees only its own account.
// Anything outside a key's reach answers 404, the same as something that does not exist, so ids never leak.
import type { Db } from "@/db/client";
import { getAccount, getSubAccount } from "@/lib/accounts/get-account";
import { NotFound } from "@/lib/errors";
import { loadTeam } from "@/lib/ledger/post-movements";
import type { Account } from "@/lib/ledger/types";
import type { ApiAuth } from "./route";

// A sub-account the key may read: any of the team's for a primary key, only itself for a sub key.
export async function visibleSubAccount(db: Db, auth: ApiAuth, id: string): Promise<Account> {
  if (!auth.isPrimary && id !== auth.account.id) throw new NotFound("Sub-account");
  return getSubAccount(db, auth.teamId, id);
}

// The account a request is about: the named sub-account (which the key must see), or the key's own account.
export async function targetAccountId(db: Db, auth: ApiAuth, subAccountId: string | undefined): Promise<string> {
  if (subAccountId === undefined) return auth.account.id;
  return (await visibleSubAccount(db, auth, subAccountId)).id;
}

// The account a charge is for, decided without a query: the ledger checks under its lock that a named account is
// a live sub-account of the key's team (404 otherwise), so the hot path spends no round trip on it.
export function chargeTarget(auth: ApiAuth, subAccountId: string | undefined): { accountId: string; subAccountOnly: boolean } {
  if (subAccountId === undefined) return { accountId: auth.account.id, subAccountOnly: false };
  if (!auth.isPrimary && subAccountId !== auth.account.id) throw new NotFound("Sub-account");
  return { accountId: subAccountId, subAccountOnly: true };
}

// "primary" is accepted wherever an account id is, so a partner needs not look its primary's id up.
export async function primaryAccount(db: Db, teamId: string): Promise<Account> {
  const team = await loadTeam(db, teamId);
  return getAccount(db, teamId, team.primaryAccountId);
}

export async function resolveAccountRef(db: Db, teamId: string, ref: string): Promise<string> {
  if (ref === "primary") return (await loadTeam(db, teamId)).primaryAccountId;
  return ref;
}
