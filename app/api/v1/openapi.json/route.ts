import { openApiDocument } from "@/lib/openapi/document";
import { otherMethods } from "@/lib/api/problem";

// Public: the contract is no secret. Built once per process; it only changes with the code.
let cached: string | null = null;

export function GET() {
  cached ??= JSON.stringify(openApiDocument());
  return new Response(cached, { headers: { "content-type": "application/json", "cache-control": "public, max-age=300" } });
}

// the other methods: a problem+json 405
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
