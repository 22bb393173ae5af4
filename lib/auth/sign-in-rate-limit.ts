// Failed sign-ins are counted per email in the database, so every app process enforces the same limit:
// 5 failures within 15 minutes refuse further attempts (even with the right password) until the window passes.
import { and, eq, gte, count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

export const MAX_SIGN_IN_FAILURES = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export async function signInBlocked(db: Db, email: string, now = new Date()) {
  const [r] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gte(signInFailures.createdAt, new Date(now.getTime() - SIGN_IN_WINDOW_MS))));
  return r.n >= MAX_SIGN_IN_FAILURES;
}

export async function noteSignInFailure(db: Db, email: string, now = new Date()) {
  await db.insert(signInFailures).values({ email, createdAt: now });
}

export async function clearSignInFailures(db: Db, email: string) {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}
