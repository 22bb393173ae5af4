import { apiRoute } from "@/lib/api/route";
import { transferNumber } from "@/lib/numbers/transfer-number";
import { vonageDialect } from "@/lib/vonage/dialect";
import { vonageJson } from "@/lib/vonage/json";
import { numberTransferBody } from "@/lib/vonage/schemas";
import { otherMethods } from "@/lib/api/problem";

export const POST = apiRoute<{ api_key: string }>(async ({ db, auth, body }) => {
  const input = body(numberTransferBody);
  const moved = await transferNumber(db, auth.teamId, input, auth.actor);
  return vonageJson({ number: moved.number, country: moved.country, from: input.from, to: moved.accountId });
}, vonageDialect);

// the other methods: a problem+json 405
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
