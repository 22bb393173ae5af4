// Checking an email and password for sign-in, behind the per-email failure limit.
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { normaliseEmail } from "@/lib/users/create-user";
import { clearSignInFailures, noteSignInFailure, signInBlocked } from "./sign-in-rate-limit";

export const WRONG_CREDENTIALS = "Wrong email or password";
export const TOO_MANY_FAILURES = "Too many failed sign-ins for this email; try again in 15 minutes";

// A hash of a random password: comparing against it when the email is unknown keeps the timing the same,
// so response time does not tell which emails have accounts.
const DUMMY_HASH = "$2b$10$.q567Su2P6hxskjh0JFca.lKhFPFMuNgE09Z1YNq53wULnvvrTNYK";

export type CredentialsResult = { ok: true; user: { id: string; email: string; name: string | null } } | { ok: false; error: string };

export async function verifyCredentials(db: Db, rawEmail: string, password: string): Promise<CredentialsResult> {
  const email = normaliseEmail(rawEmail);
  if (!email || !password) return { ok: false, error: WRONG_CREDENTIALS };
  if (await signInBlocked(db, email)) return { ok: false, error: TOO_MANY_FAILURES };
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !matches) {
    await noteSignInFailure(db, email);
    return { ok: false, error: WRONG_CREDENTIALS };
  }
  await clearSignInFailures(db, email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
