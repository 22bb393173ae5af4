"use server";
// The dashboard's server action for inviting a sub-account's customer: answers the invite link, shown once.
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { EDITOR_ROLES } from "@/lib/auth/session";
import { runAction } from "@/lib/dashboard/run-action";
import type { FormState } from "@/lib/dashboard/form-state";
import { inviteCustomer } from "./invite-customer";

export async function inviteCustomerAction(accountId: string, _: FormState, _form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    const { path, invite } = await inviteCustomer(await getDb(), user.teamId, accountId, user.actor);
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
    const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
    return { secret: `${proto}://${host}${path}`, createdId: invite.id, message: "Invite link created; it works once, for 7 days" };
  });
}
