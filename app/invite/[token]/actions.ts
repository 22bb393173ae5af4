"use server";
import { getDb } from "@/db/client";
import { errorToFormState, type FormState } from "@/lib/dashboard/form-state";
import { formString } from "@/lib/dashboard/run-action";
import { Invalid } from "@/lib/errors";
import { acceptInvite } from "@/lib/users/accept-invite";

// No session here: the token in the link is the credential, good once.
export async function acceptInviteAction(token: string, _: FormState, form: FormData): Promise<FormState> {
  try {
    const password = formString(form, "password");
    if (password !== formString(form, "confirm")) throw new Invalid({ confirm: "does not match the password" });
    const r = await acceptInvite(await getDb(), token, { email: formString(form, "email"), password, name: formString(form, "name") || undefined });
    return { ok: true, message: `Welcome! Your account ${r.user.email} is ready; sign in to continue.` };
  } catch (e) {
    return errorToFormState(e, "USD");
  }
}
