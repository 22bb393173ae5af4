"use client";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

type Action = (s: FormState, f: FormData) => Promise<FormState>;

// A button that opens a confirmation; with `typeName`, the person must type that name to confirm.
export function ConfirmAction({
  action,
  label,
  title,
  children,
  confirmLabel,
  typeName,
  variant = "secondary",
}: {
  action: Action;
  label: string;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  typeName?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  return (
    <>
      <Button
        variant={variant}
        onClick={() => {
          setRound((r) => r + 1);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <ConfirmForm key={round} action={action} confirmLabel={confirmLabel} typeName={typeName} variant={variant} onClose={() => setOpen(false)}>
          {children}
        </ConfirmForm>
      </Dialog>
    </>
  );
}

function ConfirmForm({ action, confirmLabel, typeName, variant, onClose, children }: { action: Action; confirmLabel: string; typeName?: string; variant: "primary" | "secondary" | "danger"; onClose: () => void; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [typed, setTyped] = useState("");
  // on success the page behind already shows the new state (and may no longer hold this button at all)
  useEffect(() => {
    if (state.ok) onClose();
  }, [state, onClose]);
  return (
    <form action={formAction} className="space-y-4">
      <div className="space-y-2 text-sm text-slate-600">{children}</div>
      {typeName !== undefined && (
        <TextField
          label={`Type “${typeName}” to confirm`}
          name="confirmName"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          error={state.fields?.confirmName}
        />
      )}
      <FormMessage state={state} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant={variant === "secondary" ? "primary" : variant} disabled={pending || (typeName !== undefined && typed.trim() !== typeName)}>
          {pending ? "Working…" : confirmLabel}
        </Button>
      </div>
    </form>
  );
}
