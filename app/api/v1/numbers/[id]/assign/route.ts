import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { loadTeam } from "@/lib/ledger/post-movements";
import { assignNumber } from "@/lib/numbers/assign-number";
import { numberJson } from "@/lib/numbers/number-json";
import { assignNumberBody } from "@/lib/numbers/schemas";
import { otherMethods } from "@/lib/api/problem";

export const POST = apiRoute<{ id: string }>(async ({ db, auth, params, body }) => {
  requirePrimary(auth);
  const input = body(assignNumberBody);
  const team = await loadTeam(db, auth.teamId);
  const n = await assignNumber(db, auth.teamId, { numberId: params.id, accountId: input.subAccountId ?? team.primaryAccountId }, auth.actor);
  return json({ number: numberJson(n, team.primaryAccountId) });
});

// the other methods: a problem+json 405
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
