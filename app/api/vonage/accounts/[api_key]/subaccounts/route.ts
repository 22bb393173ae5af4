import { apiRoute } from "@/lib/api/route";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { allSubAccounts } from "@/lib/accounts/list-sub-accounts";
import { loadTeam } from "@/lib/ledger/post-movements";
import { vonageDialect } from "@/lib/vonage/dialect";
import { vonageJson } from "@/lib/vonage/json";
import { createSubAccountBody } from "@/lib/vonage/schemas";
import { subAccountJson, subAccountPageJson } from "@/lib/vonage/serialize";
import { otherMethods } from "@/lib/api/problem";

type Params = { api_key: string };

export const GET = apiRoute<Params>(async ({ db, auth }) => {
  const team = await loadTeam(db, auth.teamId);
  const subs = await allSubAccounts(db, auth.teamId);
  return vonageJson(subAccountPageJson(auth.account, subs, team.currency));
}, vonageDialect);

export const POST = apiRoute<Params>(async ({ db, auth, body }) => {
  const input = body(createSubAccountBody);
  const team = await loadTeam(db, auth.teamId);
  const { account, apiKey } = await createSubAccount(
    db,
    auth.teamId,
    // Vonage's default is a sub-account drawing on the primary's balance
    { name: input.name, balanceMode: input.use_primary_account_balance === false ? "own" : "shared", secret: input.secret, keyName: "Vonage secret" },
    auth.actor,
  );
  return vonageJson(subAccountJson(account, team.currency, { secret: apiKey!.key }), 201);
}, vonageDialect);

// the other methods: a problem+json 405
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
