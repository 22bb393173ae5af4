import { apiRoute, requirePrimary } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { otherMethods } from "@/lib/api/problem";

export const DELETE = apiRoute<{ keyId: string }>(async ({ db, auth, params }) => {
  requirePrimary(auth);
  await revokeApiKey(db, auth.teamId, auth.account.id, params.keyId, auth.actor);
  return new Response(null, { status: 204 });
});

// the other methods: a problem+json 405
export const { GET, POST, PUT, PATCH } = otherMethods("DELETE");
