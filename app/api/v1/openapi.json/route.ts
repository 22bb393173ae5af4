import { openApiDocument } from "@/lib/openapi/document";

// Public: the contract is no secret. Built once per process; it only changes with the code.
let cached: string | null = null;

export function GET() {
  cached ??= JSON.stringify(openApiDocument());
  return new Response(cached, { headers: { "content-type": "application/json", "cache-control": "public, max-age=300" } });
}
