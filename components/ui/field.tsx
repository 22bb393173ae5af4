import clsx from "clsx";
import { useId } from "react";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 aria-invalid:border-red-500";

type Common = { label: string; error?: string; hint?: React.ReactNode; labelClassName?: string };

function Wrap({ id, label, error, hint, labelClassName, children }: Common & { id: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={clsx("block text-sm font-medium text-slate-700", labelClassName)}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

function described(id: string, error?: string, hint?: React.ReactNode) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({ label, error, hint, labelClassName, className, id, ...props }: Common & React.InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <Wrap id={fid} label={label} error={error} hint={hint} labelClassName={labelClassName}>
      <input id={fid} aria-invalid={error ? true : undefined} aria-describedby={described(fid, error, hint)} className={clsx(control, className)} {...props} />
    </Wrap>
  );
}

export function SelectField({ label, error, hint, labelClassName, className, id, children, ...props }: Common & React.SelectHTMLAttributes<HTMLSelectElement>) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <Wrap id={fid} label={label} error={error} hint={hint} labelClassName={labelClassName}>
      <select id={fid} aria-invalid={error ? true : undefined} aria-describedby={described(fid, error, hint)} className={clsx(control, className)} {...props}>
        {children}
      </select>
    </Wrap>
  );
}

export function TextAreaField({ label, error, hint, labelClassName, className, id, ...props }: Common & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <Wrap id={fid} label={label} error={error} hint={hint} labelClassName={labelClassName}>
      <textarea id={fid} aria-invalid={error ? true : undefined} aria-describedby={described(fid, error, hint)} className={clsx(control, "font-mono", className)} {...props} />
    </Wrap>
  );
}
