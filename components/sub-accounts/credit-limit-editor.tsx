"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { minorToInput, parseMoneyInput } from "@/lib/dashboard/money-input";
import { formatMoney } from "@/lib/money";

// Inline editor of a sub-account's credit limit (own balance) or spending cap (shared), bounded by what the rules allow:
// own: between the debt it must keep covered and its current limit plus what the primary can give;
// shared: at least what it has already spent, or empty for no cap.
export function CreditLimitEditor({
  action,
  currency,
  current,
  min,
  max,
  allowEmpty,
  canEdit,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  currency: string;
  current: string | null;
  min: string;
  max: string | null;
  allowEmpty: boolean;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [value, setValue] = useState(current === null ? "" : minorToInput(BigInt(current), currency));
  // a new answer from the server: adjust during render (React's pattern for state derived from a prop change)
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state.ok) setEditing(false);
  }
  const lo = BigInt(min);
  const hi = max === null ? null : BigInt(max);
  const m = (v: bigint) => formatMoney(v, currency);
  const allows = hi === null ? `at least ${m(lo)}${allowEmpty ? ", or empty for no cap" : ""}` : `from ${m(lo)} to ${m(hi)}`;
  let localError: string | undefined;
  if (value.trim()) {
    const p = parseMoneyInput(value, currency);
    if (!p.ok) localError = p.error;
    else if (p.minor < lo || (hi !== null && p.minor > hi)) localError = `The rules allow ${allows}`;
  } else if (!allowEmpty) localError = "Enter an amount";

  if (!editing)
    return (
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-lg font-semibold tabular-nums" data-testid="credit-limit">
          {current === null ? "No cap" : m(BigInt(current))}
        </span>
        {canEdit && (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setValue(current === null ? "" : minorToInput(BigInt(current), currency));
              setEditing(true);
            }}
          >
            Edit
          </Button>
        )}
        {state.ok && <FormMessage state={state} className="w-full" />}
      </div>
    );
  return (
    <form action={formAction} className="space-y-2" aria-label="Edit credit limit">
      <TextField
        label={allowEmpty ? `Spending cap (${currency})` : `Credit limit (${currency})`}
        name="creditLimit"
        inputMode="decimal"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoFocus
        hint={`The rules allow ${allows}.`}
        error={localError ?? state.fields?.creditLimit ?? state.fields?.amount}
      />
      <FormMessage state={state} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending || Boolean(localError)}>
          {pending ? "Saving…" : "Save"}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
