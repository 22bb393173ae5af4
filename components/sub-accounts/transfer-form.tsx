"use client";
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { initialFormState, type FormState } from "@/lib/dashboard/form-state";
import { parseMoneyInput } from "@/lib/dashboard/money-input";
import { formatMoney } from "@/lib/money";

// One transfer direction: shows what the rule allows and refuses inline, before and after the server decides.
export function TransferForm({
  action,
  title,
  description,
  available,
  currency,
  rule,
  testId,
}: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  title: string;
  description: string;
  available: string; // minor units
  currency: string;
  rule: string;
  testId: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [amount, setAmount] = useState("");
  const ref = useRef<HTMLFormElement>(null);
  // a new answer from the server: adjust during render (React's pattern for state derived from a prop change)
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state.ok) setAmount("");
  }
  const max = BigInt(available);
  const parsed = amount.trim() ? parseMoneyInput(amount, currency) : null;
  // the same rule the server applies, for an immediate answer; the server still decides
  const localError = parsed && !parsed.ok ? parsed.error : parsed && parsed.ok && parsed.minor > max ? `Refused: ${rule}; at most ${formatMoney(max, currency)} can move` : undefined;
  return (
    <form ref={ref} action={formAction} className="space-y-3 rounded-lg border border-slate-200 p-4" aria-label={title} data-testid={testId}>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
        <p className="text-xs text-slate-500">{description}</p>
      </div>
      <p className="text-sm">
        Available: <span className="font-semibold tabular-nums" data-testid={`${testId}-available`}>{formatMoney(max, currency)}</span>
      </p>
      <TextField
        label={`Amount (${currency})`}
        name="amount"
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        required
        error={localError ?? state.fields?.amount}
      />
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending || max === 0n}>
        {pending ? "Moving…" : "Move"}
      </Button>
    </form>
  );
}
