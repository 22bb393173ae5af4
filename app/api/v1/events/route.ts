import { apiRoute, json, requirePrimary } from "@/lib/api/route";
import { eventListQuery } from "@/lib/webhooks/api-schemas";
import { listEvents } from "@/lib/webhooks/list-events";
import { eventJson } from "@/lib/webhooks/serialize";
import { otherMethods } from "@/lib/api/problem";

export const GET = apiRoute(async ({ db, auth, query }) => {
  requirePrimary(auth);
  const q = query(eventListQuery);
  const page = await listEvents(db, auth.teamId, { limit: q.limit, cursor: q.cursor, types: q.type, accountId: q.subAccountId });
  return json({ items: page.items.map(eventJson), nextCursor: page.nextCursor });
});

// the other methods: a problem+json 405
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
