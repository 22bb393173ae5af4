"use client";
import { useActionState } from "react";
import { format } from "date-fns";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SecretReveal } from "@/components/ui/copy-button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { ConfirmAction } from "./confirm-action";

export type KeyRow = { id: string; name: string; prefix: string; environment: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; revoke: (s: FormState, f: FormData) => Promise<FormState> };

export function ApiKeysPanel({ keys, create, canEdit, canCreate }: { keys: KeyRow[]; create: (s: FormState, f: FormData) => Promise<FormState>; canEdit: boolean; canCreate: boolean }) {
  const [state, formAction, pending] = useActionState(create, initialFormState);
  return (
    <div className="space-y-4">
      {keys.length === 0 ? (
        <p className="text-sm text-slate-500">No API keys.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5">
              <div className="min-w-0 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{k.name}</span>
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{k.prefix}…</code>
                  <Badge tone={k.environment === "live" ? "info" : "neutral"}>{k.environment}</Badge>
                  {k.revokedAt && (
                    <Badge tone="deactivated" title={`Revoked ${format(k.revokedAt, "MMM d, yyyy HH:mm")}`}>
                      revoked
                    </Badge>
                  )}
                </p>
                <p className="text-xs text-slate-500">
                  Created {format(k.createdAt, "MMM d, yyyy")} · {k.lastUsedAt ? `last used ${format(k.lastUsedAt, "MMM d, HH:mm")}` : "never used"}
                </p>
              </div>
              {canEdit && !k.revokedAt && (
                <ConfirmAction action={k.revoke} label="Revoke" title={`Revoke “${k.name}”?`} confirmLabel="Revoke key" variant="danger">
                  <p>Requests using this key will fail at once. This cannot be undone; create a new key first if something still uses it.</p>
                </ConfirmAction>
              )}
            </li>
          ))}
        </ul>
      )}
      {state.ok && state.secret && <SecretReveal label="The new API key" value={state.secret} />}
      {canEdit && canCreate && (
        <form action={formAction} className="grid gap-3 border-t border-slate-100 pt-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end" aria-label="Create an API key">
          <TextField label="Key name" name="name" placeholder="Production" maxLength={100} error={state.fields?.name} />
          <SelectField label="Environment" name="environment" defaultValue="live">
            <option value="live">live</option>
            <option value="test">test</option>
          </SelectField>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Creating…" : "Create key"}
          </Button>
          {!state.ok && <FormMessage state={state} className="sm:col-span-3" />}
        </form>
      )}
    </div>
  );
}
