import { apiRoute } from "@/lib/api/route";
import { getSubAccount } from "@/lib/accounts/get-account";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { Invalid } from "@/lib/errors";
import { loadTeam } from "@/lib/ledger/post-movements";
import { vonageDialect } from "@/lib/vonage/dialect";
import { vonageJson } from "@/lib/vonage/json";
import { updateSubAccountBody } from "@/lib/vonage/schemas";
import { subAccountJson } from "@/lib/vonage/serialize";
import { otherMethods } from "@/lib/api/problem";

type Params = { api_key: string; subaccount_key: string };

export const GET = apiRoute<Params>(async ({ db, auth, params }) => {
  const team = await loadTeam(db, auth.teamId);
  return vonageJson(subAccountJson(await getSubAccount(db, auth.teamId, params.subaccount_key), team.currency));
}, vonageDialect);

export const PATCH = apiRoute<Params>(async ({ db, auth, params, body }) => {
  const input = body(updateSubAccountBody);
  const team = await loadTeam(db, auth.teamId);
  const current = await getSubAccount(db, auth.teamId, params.subaccount_key);
  if (input.use_primary_account_balance === true && current.balanceMode === "own")
    throw new Invalid({ use_primary_account_balance: "can only go from true to false: a sub-account with its own balance cannot return to the primary's" });
  const account = await updateSubAccount(
    db,
    auth.teamId,
    current.id,
    {
      name: input.name,
      status: input.suspended === undefined ? undefined : input.suspended ? "suspended" : "active",
      balanceMode: input.use_primary_account_balance === false ? "own" : undefined,
    },
    auth.actor,
  );
  return vonageJson(subAccountJson(account, team.currency));
}, vonageDialect);

// the other methods: a problem+json 405
export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
