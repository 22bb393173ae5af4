"use server";
// The portal's server actions. The account always comes from the customer's session, never from the form.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { errorToFormState, type FormState } from "@/lib/dashboard/form-state";
import { requireCustomer, type Customer } from "@/lib/portal/customer-scope";
import { createCustomerKey, revokeCustomerKey } from "@/lib/portal/customer-keys";

async function asCustomer(fn: (c: Customer) => Promise<FormState>): Promise<FormState> {
  let currency = "USD";
  try {
    const c = await requireCustomer();
    currency = c.currency;
    return { ok: true, at: Date.now(), ...(await fn(c)) };
  } catch (e) {
    return errorToFormState(e, currency);
  }
}

export async function createPortalKeyAction(_: FormState, form: FormData): Promise<FormState> {
  return asCustomer(async (c) => {
    const key = await createCustomerKey(await getDb(), c, { name: form.get("name") ?? "", environment: form.get("environment") || undefined }, c.actor);
    revalidatePath("/portal/keys");
    return { secret: key.key, createdId: key.id, message: "Key created" };
  });
}

export async function revokePortalKeyAction(keyId: string, _: FormState, _form: FormData): Promise<FormState> {
  return asCustomer(async (c) => {
    await revokeCustomerKey(await getDb(), c, keyId, c.actor);
    revalidatePath("/portal/keys");
    return { message: "Key revoked" };
  });
}
