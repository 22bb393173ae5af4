import { apiRoute, requirePrimary } from "@/lib/api/route";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";

export const DELETE = apiRoute<{ keyId: string }>(async ({ db, auth, params }) => {
  requirePrimary(auth);
  await revokeApiKey(db, auth.teamId, auth.account.id, params.keyId, auth.actor);
  return new Response(null, { status: 204 });
});
