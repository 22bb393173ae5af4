// Who a portal request acts for. A customer session carries exactly one sub-account; every portal read and
// write takes the account from here, never from the URL or the form, so no other account is reachable.
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { Forbidden, Unauthorized } from "@/lib/errors";

export type Customer = SessionUser & { role: "customer"; accountId: string };

function isCustomer(u: SessionUser | null): u is Customer {
  return !!u && u.role === "customer" && !!u.accountId;
}

// For server actions and route handlers: typed errors.
export async function requireCustomer(): Promise<Customer> {
  const user = await getSessionUser();
  if (!user) throw new Unauthorized("Sign in first");
  if (!isCustomer(user)) throw new Forbidden("The portal is for customers; team members use the dashboard");
  return user;
}

// For pages: redirects (to sign-in, or team members to their dashboard).
export async function requireCustomerPage(): Promise<Customer> {
  const user = await getSessionUser();
  if (!user) redirect("/signin?callbackUrl=/portal");
  if (!isCustomer(user)) redirect("/overview");
  return user;
}
