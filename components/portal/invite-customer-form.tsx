"use client";
// On a sub-account's page: invite its end customer to the portal. The link is shown once.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SecretReveal } from "@/components/ui/copy-button";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export function InviteCustomerForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-3" aria-label="Invite the customer">
      <p className="text-sm text-slate-600">The customer signs in to the portal and sees this sub-account only: its balance, limit, spend, charges, numbers and keys.</p>
      {state.ok && state.secret ? <SecretReveal label="The invite link (valid 7 days, once)" value={state.secret} /> : <FormMessage state={state} />}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Creating…" : "Invite customer"}
      </Button>
    </form>
  );
}
