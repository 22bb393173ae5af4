import { problemResponse } from "@/lib/api/problem";

// Anything under /api/v1 that no route serves: a problem+json 404, never Next's HTML page.
function notFound(req: Request) {
  const { pathname } = new URL(req.url);
  return problemResponse({ status: 404, code: "route_not_found", detail: `No endpoint ${req.method} ${pathname}`, instance: pathname });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
