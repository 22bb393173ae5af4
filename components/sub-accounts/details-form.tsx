"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export function DetailsForm({ action, name, externalId, metadata, canEdit }: { action: (s: FormState, f: FormData) => Promise<FormState>; name: string; externalId: string | null; metadata: string; canEdit: boolean }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-3" aria-label="Sub-account details">
      <fieldset disabled={!canEdit} className="space-y-3">
        <TextField label="Name" name="name" defaultValue={name} required maxLength={200} error={state.fields?.name} />
        <TextField label="External ID" name="externalId" defaultValue={externalId ?? ""} maxLength={200} error={state.fields?.externalId} />
        <TextAreaField label="Metadata (JSON object)" name="metadata" rows={4} defaultValue={metadata} error={state.fields?.metadata} />
      </fieldset>
      <FormMessage state={state} />
      {canEdit && (
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
      )}
    </form>
  );
}
