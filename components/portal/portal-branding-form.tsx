"use client";
// Team settings: the name and accent colour end customers see in the portal.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

export function PortalBrandingForm({ action, portalName, portalAccent, canEdit }: { action: (s: FormState, f: FormData) => Promise<FormState>; portalName: string | null; portalAccent: string | null; canEdit: boolean }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end" aria-label="Portal branding">
      <TextField label="Portal name" name="portalName" defaultValue={portalName ?? ""} placeholder="Acme customer portal" maxLength={80} disabled={!canEdit} error={state.fields?.portalName} />
      <TextField label="Accent colour" name="portalAccent" defaultValue={portalAccent ?? ""} placeholder="#4f46e5" pattern="#[0-9a-fA-F]{6}" disabled={!canEdit} error={state.fields?.portalAccent} />
      <Button type="submit" variant="secondary" disabled={!canEdit || pending}>
        {pending ? "Saving…" : "Save branding"}
      </Button>
      <FormMessage state={state} className="sm:col-span-3" />
    </form>
  );
}
