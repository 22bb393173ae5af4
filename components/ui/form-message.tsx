import clsx from "clsx";
import type { FormState } from "@/lib/dashboard/form-state";

export function FormMessage({ state, className }: { state: FormState; className?: string }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={clsx("rounded-md px-3 py-2 text-sm", state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700", className)}
    >
      {state.message}
    </p>
  );
}
