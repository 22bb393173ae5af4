import clsx from "clsx";

// Use of a limit in basis points; null when there is no limit to use.
export function UtilisationBar({ bps, label }: { bps: number | null; label: string }) {
  if (bps === null) return <span className="text-xs text-slate-400">no limit</span>;
  const pct = bps / 100;
  const width = Math.min(100, Math.max(0, pct));
  return (
    <div className="flex min-w-24 items-center gap-2">
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(Math.min(pct, 100))}
        aria-valuetext={`${pct.toFixed(0)}% used`}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100"
      >
        <div className={clsx("h-full rounded-full", pct >= 100 ? "bg-red-500" : pct >= 80 ? "bg-amber-500" : "bg-indigo-500")} style={{ width: `${width}%` }} />
      </div>
      <span className="w-10 text-right text-xs tabular-nums text-slate-600">{pct.toFixed(0)}%</span>
    </div>
  );
}
