// next-auth configuration: email + password (credentials), JWT sessions that expire after 8 hours.
// Roles are not put in the token: they are read from memberships on every request, so a role change or a
// removed member takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authSecret } from "./auth-secret";
import { verifyCredentials } from "./verify-credentials";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// A function, not a constant: the secret may live in the data folder, which `next build` must not touch.
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const r = await verifyCredentials(await getDb(), credentials?.email ?? "", credentials?.password ?? "");
          // next-auth hands a thrown error's message back to signIn() as `error`
          if (!r.ok) throw new Error(r.error);
          return { id: r.user.id, email: r.user.email, name: r.user.name };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
