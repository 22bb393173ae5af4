import { apiRoute, json } from "@/lib/api/route";
import { primaryAccount } from "@/lib/api/scope";
import { balanceJson } from "@/lib/api/serialize";
import { loadTeam } from "@/lib/ledger/post-movements";
import { otherMethods } from "@/lib/api/problem";

// The balance of the key's own account (a shared sub-account shows the primary's balance it draws on).
export const GET = apiRoute(async ({ db, auth }) => {
  const team = await loadTeam(db, auth.teamId);
  const primary = auth.isPrimary ? undefined : await primaryAccount(db, auth.teamId);
  return json(balanceJson(team.currency, auth.account, primary));
});

// the other methods: a problem+json 405
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
