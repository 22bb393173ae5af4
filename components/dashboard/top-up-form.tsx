"use client";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export function TopUpForm({ action, currency }: { action: (s: FormState, f: FormData) => Promise<FormState>; currency: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={formAction} className="space-y-3" aria-label="Record a payment">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={`Amount (${currency})`} name="amount" inputMode="decimal" placeholder="70.00" required error={state.fields?.amount} />
        <TextField label="Reference" name="reference" placeholder="Invoice 2024-06" maxLength={200} error={state.fields?.reference} />
      </div>
      <FormMessage state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record payment"}
      </Button>
    </form>
  );
}
