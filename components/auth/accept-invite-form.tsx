"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export function AcceptInviteForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  if (state.ok)
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Link href="/signin" className={buttonClass("primary", "md", "w-full")}>
          Sign in
        </Link>
      </div>
    );
  return (
    <form action={formAction} className="space-y-4">
      <TextField label="Your name" name="name" autoComplete="name" maxLength={200} error={state.fields?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required error={state.fields?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required minLength={8} hint="At least 8 characters." error={state.fields?.password} />
      <TextField label="Repeat the password" name="confirm" type="password" autoComplete="new-password" required error={state.fields?.confirm} />
      <FormMessage state={state} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
