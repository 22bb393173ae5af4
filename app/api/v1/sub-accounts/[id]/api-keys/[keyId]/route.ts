import { apiRoute, requirePrimary } from "@/lib/api/route";
import { getSubAccount } from "@/lib/accounts/get-account";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { otherMethods } from "@/lib/api/problem";

export const DELETE = apiRoute<{ id: string; keyId: string }>(async ({ db, auth, params }) => {
  requirePrimary(auth);
  const sub = await getSubAccount(db, auth.teamId, params.id);
  await revokeApiKey(db, auth.teamId, sub.id, params.keyId, auth.actor);
  return new Response(null, { status: 204 });
});

// the other methods: a problem+json 405
export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
