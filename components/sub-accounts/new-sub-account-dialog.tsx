"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SecretReveal } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";

type Action = (s: FormState, f: FormData) => Promise<FormState>;

export function NewSubAccountDialog({ action, currency, primaryCreditAvailable }: { action: Action; currency: string; primaryCreditAvailable: string }) {
  const [open, setOpen] = useState(false);
  // a fresh form (and state) each time the dialog opens
  const [round, setRound] = useState(0);
  return (
    <>
      <Button
        onClick={() => {
          setRound((r) => r + 1);
          setOpen(true);
        }}
      >
        New sub-account
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New sub-account">
        <NewSubAccountForm key={round} action={action} currency={currency} primaryCreditAvailable={primaryCreditAvailable} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function NewSubAccountForm({ action, currency, primaryCreditAvailable, onDone }: { action: Action; currency: string; primaryCreditAvailable: string; onDone: () => void }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [mode, setMode] = useState("shared");
  if (state.ok && state.createdId)
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        {state.secret && <SecretReveal label="Its API key" value={state.secret} />}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onDone}>
            Close
          </Button>
          <Link href={`/sub-accounts/${state.createdId}`} className="inline-flex h-10 items-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-500">
            Open sub-account
          </Link>
        </div>
      </div>
    );
  return (
    <form action={formAction} className="space-y-4">
      <TextField label="Name" name="name" required maxLength={200} autoFocus error={state.fields?.name} />
      <TextField label="External ID (optional)" name="externalId" maxLength={200} hint="Your own id for this customer; searchable." error={state.fields?.externalId} />
      <SelectField label="Balance" name="balanceMode" value={mode} onChange={(e) => setMode(e.target.value)} error={state.fields?.balanceMode}>
        <option value="shared">Shared: draws from the primary account’s balance</option>
        <option value="own">Own balance: gets credit from the primary</option>
      </SelectField>
      <TextField
        label={mode === "own" ? `Credit to give (${currency}, optional)` : `Spending cap (${currency}, optional)`}
        name="creditLimit"
        inputMode="decimal"
        placeholder={mode === "own" ? "0.00" : "No cap"}
        hint={mode === "own" ? `The primary can give at most ${primaryCreditAvailable}.` : "Leave empty for no cap: it can spend what the primary has."}
        error={state.fields?.creditLimit ?? state.fields?.amount}
      />
      <TextAreaField label="Metadata (JSON, optional)" name="metadata" rows={2} placeholder='{"plan": "pro"}' error={state.fields?.metadata} />
      <FormMessage state={state} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create sub-account"}
        </Button>
      </div>
    </form>
  );
}
