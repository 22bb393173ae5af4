"use server";
// Accepting a customer invite: the customer picks their email and password, then signs in to the portal.
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { errorToFormState, type FormState } from "@/lib/dashboard/form-state";
import { NotFound } from "@/lib/errors";
import { findOpenInvite, acceptInvite } from "@/lib/users/accept-invite";

export async function acceptPortalInviteAction(token: string, _: FormState, form: FormData): Promise<FormState> {
  try {
    const db = await getDb();
    const open = await findOpenInvite(db, token);
    // team invites have their own page; this one only makes customers
    if (!open || open.invite.role !== "customer") throw new NotFound("Invite (it may have expired or been used already)");
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) return { ok: false, fields: { confirm: "does not match the password" }, message: "Please correct the highlighted fields." };
    await acceptInvite(db, token, { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") || undefined, password });
  } catch (e) {
    return errorToFormState(e, "USD");
  }
  redirect("/signin?callbackUrl=/portal&joined=1");
}
