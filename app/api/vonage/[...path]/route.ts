// Anything under /api/vonage that no route serves answers a Vonage problem, not an HTML page.
import { HttpError } from "@/lib/api/problem";
import { vonageProblem } from "@/lib/vonage/dialect";

function notFound(req: Request) {
  const path = new URL(req.url).pathname;
  return vonageProblem(new HttpError(404, "not_found", `No Vonage-compatible endpoint at ${req.method} ${path}`), path);
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
