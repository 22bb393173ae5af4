// Dashboard and portal users: an email and a bcrypt password hash. Roles live on memberships, not here.
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { users } from "@/db/schema";
import { Conflict, Invalid } from "@/lib/errors";
import { newId } from "@/lib/ids";

// Cost 10 keeps a sign-in near 100 ms on a small server; bcrypt only reads the first 72 bytes, hence the cap.
const BCRYPT_COST = 10;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("must be an email address"));
export const passwordSchema = z
  .string()
  .min(8, "must be at least 8 characters")
  .refine((p) => Buffer.byteLength(p) <= 72, "must be at most 72 bytes");

export const createUserSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().max(200).optional(),
});

export type CreateUserInput = z.input<typeof createUserSchema>;

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export async function hashPassword(password: string) {
  return bcrypt.hash(password, BCRYPT_COST);
}

export async function createUser(db: Db, input: CreateUserInput) {
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "user")] ??= issue.message;
    throw new Invalid(fields);
  }
  const { email, password, name } = parsed.data;
  try {
    const [user] = await db
      .insert(users)
      .values({ id: newId("user"), email, name: name || null, passwordHash: await hashPassword(password) })
      .returning({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt });
    return user;
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(`A user with the email ${email} already exists`);
    throw e;
  }
}
