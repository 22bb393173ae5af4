"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { EDITOR_ROLES } from "@/lib/auth/session";
import type { FormState } from "@/lib/dashboard/form-state";
import { readAmount } from "@/lib/dashboard/money-input";
import { formString, runAction } from "@/lib/dashboard/run-action";
import { formatMoney } from "@/lib/money";
import { topUp } from "@/lib/transfers/transfer";

export async function recordPaymentAction(_: FormState, form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    const amount = readAmount(formString(form, "amount"), user.currency);
    const reference = formString(form, "reference").trim().slice(0, 200) || null;
    await topUp(await getDb(), user.teamId, { amount, reference }, user.actor);
    revalidatePath("/", "layout");
    return { message: `Recorded a payment of ${formatMoney(amount, user.currency)}.` };
  });
}
