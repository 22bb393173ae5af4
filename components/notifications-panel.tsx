// The team's recent alerts and events (lib/alerts/list-notifications.ts), newest first.
import { formatDistanceToNowStrict } from "date-fns";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import type { Notification } from "@/lib/alerts/list-notifications";

const tone = { info: "info", warning: "suspended", critical: "blocked" } as const;

export function NotificationsPanel({ items, moreHref }: { items: Notification[]; moreHref?: string }) {
  return (
    <Card title="Notifications" action={moreHref ? <a className="text-sm text-indigo-600 hover:underline" href={moreHref}>Older</a> : undefined}>
      {items.length === 0 ? (
        <EmptyState title="Nothing to report">Alerts appear here when a sub-account crosses a spend mark or the balance runs low.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Notifications">
          {items.map((n) => (
            <li key={n.id} className="flex items-start gap-3 py-2.5">
              <Badge tone={tone[n.severity]}>{n.severity}</Badge>
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-slate-900">{n.title}</p>
                {n.detail && <p className="text-xs text-slate-500">{n.detail}</p>}
              </div>
              <time className="shrink-0 text-xs text-slate-400" dateTime={n.createdAt.toISOString()} title={n.createdAt.toISOString()}>
                {formatDistanceToNowStrict(n.createdAt, { addSuffix: true })}
              </time>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
