import Link from "next/link";
import { buttonClass } from "./button";

// Previous/next links that keep the page's other query parameters.
// Cursor lists only know the way forward: their "previous" goes back to the first page (prevLabel says so).
export function Pagination({
  basePath,
  params,
  prev,
  next,
  prevLabel = "← Previous",
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  prev?: Record<string, string | undefined> | null;
  next?: Record<string, string | undefined> | null;
  prevLabel?: string;
}) {
  const href = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, ...over })) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  if (!prev && !next) return null;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-end gap-2 pt-3">
      {prev ? (
        <Link className={buttonClass("secondary", "sm")} href={href(prev)} rel="prev">
          {prevLabel}
        </Link>
      ) : null}
      {next ? (
        <Link className={buttonClass("secondary", "sm")} href={href(next)} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
