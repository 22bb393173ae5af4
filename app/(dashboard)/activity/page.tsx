import type { Metadata } from "next";
import Link from "next/link";
import { format } from "date-fns";
import { getDb } from "@/db/client";
import { allSubAccounts } from "@/lib/accounts/list-sub-accounts";
import { requirePageRole, TEAM_ROLES } from "@/lib/auth/session";
import { actorLabel, listAuditEvents } from "@/lib/dashboard/list-audit-events";
import { Invalid } from "@/lib/errors";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Activity · Subledger" };

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-400">—</span>;
  return <pre className="max-h-48 max-w-md overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-[11px] leading-snug text-slate-700">{JSON.stringify(value, null, 2)}</pre>;
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await requirePageRole(TEAM_ROLES);
  const { cursor } = await searchParams;
  const db = await getDb();
  const names = new Map((await allSubAccounts(db, user.teamId)).map((a) => [a.id, a.name]));
  const page = await listAuditEvents(db, user.teamId, { limit: 30, cursor: cursor || null }).catch((e) => {
    if (e instanceof Invalid) return { items: [], nextCursor: null };
    throw e;
  });
  return (
    <>
      <PageHeader title="Activity" description="Every change, by whom and when, with the state before and after." />
      {page.items.length === 0 ? (
        <EmptyState title="Nothing has happened yet" />
      ) : (
        <ol className="space-y-3" aria-label="Audit log">
          {page.items.map((e) => (
            <li key={String(e.id)} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <Badge tone="info">{e.action}</Badge>
                <span className="font-medium text-slate-900">{actorLabel(e.actor)}</span>
                <span className="text-slate-500">
                  on {e.targetType}{" "}
                  {e.targetType === "account" && e.targetId && names.has(e.targetId) ? (
                    <Link href={`/sub-accounts/${e.targetId}`} className="font-medium text-indigo-700 hover:underline">
                      {names.get(e.targetId)}
                    </Link>
                  ) : (
                    <span className="font-mono text-xs">{e.targetId}</span>
                  )}
                </span>
                <time dateTime={e.createdAt.toISOString()} className="ml-auto text-xs text-slate-500">
                  {format(e.createdAt, "MMM d, yyyy HH:mm:ss")}
                </time>
              </div>
              {(e.before != null || e.after != null) && (
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-xs font-medium text-slate-600">Before and after</summary>
                  <div className="mt-2 grid gap-3 md:grid-cols-2">
                    <div>
                      <p className="mb-1 text-xs font-medium text-slate-500">Before</p>
                      <Json value={e.before} />
                    </div>
                    <div>
                      <p className="mb-1 text-xs font-medium text-slate-500">After</p>
                      <Json value={e.after} />
                    </div>
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination basePath="/activity" params={{}} prev={cursor ? { cursor: undefined } : null} next={page.nextCursor ? { cursor: page.nextCursor } : null} prevLabel="← Newest" />
    </>
  );
}
