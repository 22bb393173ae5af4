import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { updateSubAccountBody } from "@/lib/api/schemas";
import { primaryAccount, visibleSubAccount } from "@/lib/api/scope";
import { subAccountJson } from "@/lib/api/serialize";
import { deactivateSubAccount } from "@/lib/accounts/deactivate-sub-account";
import { getSubAccount } from "@/lib/accounts/get-account";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { otherMethods } from "@/lib/api/problem";

type P = { id: string };

export const GET = apiRoute<P>(async ({ db, auth, params }) => {
  const account = await visibleSubAccount(db, auth, params.id);
  return json({ subAccount: subAccountJson(account, await primaryAccount(db, auth.teamId)) });
});

export const PATCH = apiRoute<P>(async ({ db, auth, params, body }) => {
  requirePrimary(auth);
  const { suspended, ...input } = body(updateSubAccountBody);
  if (suspended === true) input.status = "suspended";
  // lifting a suspension must not wake a deactivated account: only a suspended one goes back to active
  if (suspended === false && input.status === undefined && (await getSubAccount(db, auth.teamId, params.id)).status === "suspended") input.status = "active";
  const account = await updateSubAccount(db, auth.teamId, params.id, input, auth.actor);
  return json({ subAccount: subAccountJson(account, await primaryAccount(db, auth.teamId)) });
});

// Zavu's DELETE deactivates: every key revoked, data kept, reversible with status "active" and new keys.
export const DELETE = apiRoute<P>(async ({ db, auth, params }) => {
  requirePrimary(auth);
  const { keysRevoked, balanceReturned } = await deactivateSubAccount(db, auth.teamId, params.id, auth.actor);
  return json({
    keysRevoked,
    balanceReturned: Number(balanceReturned),
    message: `Sub-account deactivated; ${keysRevoked} API key${keysRevoked === 1 ? "" : "s"} revoked`,
  });
});

// the other methods: a problem+json 405
export const { POST, PUT } = otherMethods("GET", "PATCH", "DELETE");
