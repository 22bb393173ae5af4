"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SecretReveal } from "@/components/ui/copy-button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

type Action = (s: FormState, f: FormData) => Promise<FormState>;

export function InviteForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label="Invite a member">
        <div className="w-48">
          <SelectField label="Role" name="role" defaultValue="viewer" error={state.fields?.role}>
            <option value="viewer">Viewer: sees, cannot change</option>
            <option value="admin">Admin: manages sub-accounts and money</option>
            <option value="owner">Owner: also manages people</option>
          </SelectField>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invite link"}
        </Button>
      </form>
      {!state.ok && <FormMessage state={state} />}
      {state.ok && state.secret && <SecretReveal label="Invite link (valid 7 days, works once)" value={state.secret} />}
    </div>
  );
}

export function RoleForm({ action, role, label }: { action: Action; role: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={`Role of ${label}`}>
      <div className="w-32">
        <SelectField label="Role" labelClassName="sr-only" name="role" defaultValue={role}>
          <option value="owner">owner</option>
          <option value="admin">admin</option>
          <option value="viewer">viewer</option>
        </SelectField>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Save
      </Button>
      <FormMessage state={state} className="w-full" />
    </form>
  );
}
