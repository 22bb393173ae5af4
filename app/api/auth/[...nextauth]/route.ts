import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

type RouteCtx = { params: Promise<{ nextauth: string[] }> };

// Built per request: the options read the signing secret lazily (see lib/auth/auth-options.ts).
function handler(req: Request, ctx: RouteCtx) {
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
