import clsx from "clsx";

const tones: Record<string, string> = {
  active: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  suspended: "bg-amber-50 text-amber-800 ring-amber-600/20",
  deactivated: "bg-slate-100 text-slate-600 ring-slate-500/20",
  deleting: "bg-red-50 text-red-700 ring-red-600/20",
  blocked: "bg-red-50 text-red-700 ring-red-600/20",
  neutral: "bg-slate-50 text-slate-700 ring-slate-500/20",
  info: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
};

export function Badge({ tone = "neutral", children, className, title }: { tone?: keyof typeof tones | string; children: React.ReactNode; className?: string; title?: string }) {
  return (
    <span title={title} className={clsx("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap", tones[tone] ?? tones.neutral, className)}>
      {children}
    </span>
  );
}
