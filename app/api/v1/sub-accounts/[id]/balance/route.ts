import { apiRoute, json } from "@/lib/api/route";
import { primaryAccount, visibleSubAccount } from "@/lib/api/scope";
import { balanceJson } from "@/lib/api/serialize";
import { loadTeam } from "@/lib/ledger/post-movements";
import { otherMethods } from "@/lib/api/problem";

export const GET = apiRoute<{ id: string }>(async ({ db, auth, params }) => {
  const account = await visibleSubAccount(db, auth, params.id);
  const team = await loadTeam(db, auth.teamId);
  return json(balanceJson(team.currency, account, await primaryAccount(db, auth.teamId)));
});

// the other methods: a problem+json 405
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
