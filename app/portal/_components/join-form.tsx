"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export function JoinForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-4" aria-label="Create your sign-in">
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={state.fields?.email} />
      <TextField label="Your name" name="name" autoComplete="name" error={state.fields?.name} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" minLength={8} required error={state.fields?.password} hint="At least 8 characters" />
      <TextField label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required error={state.fields?.confirm} />
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating…" : "Create sign-in"}
      </Button>
    </form>
  );
}
