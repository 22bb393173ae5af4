import type { Metadata } from "next";
import { format } from "date-fns";
import { getDb } from "@/db/client";
import { requirePageRole, TEAM_ROLES } from "@/lib/auth/session";
import { listMembers, listOpenInvites } from "@/lib/users/list-members";
import { InviteForm, RoleForm } from "@/components/dashboard/team-forms";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { changeRoleAction, inviteMemberAction } from "./actions";
import { PortalBrandingForm } from "@/components/portal/portal-branding-form";
import { loadPortalBranding } from "@/lib/portal/load-portal-overview";
import { portalBrandingAction } from "@/lib/portal/portal-branding-action";
import { canEdit } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Team · Subledger" };

export default async function TeamPage() {
  const user = await requirePageRole(TEAM_ROLES);
  const db = await getDb();
  const [members, invites, branding] = await Promise.all([listMembers(db, user.teamId), listOpenInvites(db, user.teamId), loadPortalBranding(db, user.teamId)]);
  const owner = user.role === "owner";
  const staff = members.filter((m) => m.role !== "customer");
  const customers = members.length - staff.length;
  return (
    <>
      <PageHeader title="Team" description={`People who can sign in to ${user.teamName}. ${owner ? "As an owner you invite them and set their roles." : "Only owners change this."}`} />
      <Card title="Members">
        <ul className="divide-y divide-slate-100">
          {staff.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0 text-sm">
                <p className="font-medium text-slate-900">
                  {m.name || m.email} {m.userId === user.id && <span className="text-slate-500">(you)</span>}
                </p>
                <p className="text-xs text-slate-500">
                  {m.email} · since {format(m.since, "MMM d, yyyy")}
                </p>
              </div>
              {owner && m.userId !== user.id ? <RoleForm action={changeRoleAction.bind(null, m.userId)} role={m.role} label={m.email} /> : <Badge tone="info">{m.role}</Badge>}
            </li>
          ))}
        </ul>
        {customers > 0 && <p className="mt-2 text-xs text-slate-500">Plus {customers} customer user(s) of the self-service portal.</p>}
      </Card>
      {owner && (
        <Card className="mt-6" title="Invite someone">
          <InviteForm action={inviteMemberAction} />
          {invites.length > 0 && (
            <div className="mt-4 border-t border-slate-100 pt-3 text-sm">
              <p className="mb-1 font-medium text-slate-700">Open invites</p>
              <ul className="space-y-1 text-slate-600">
                {invites.map((i) => (
                  <li key={i.id}>
                    {i.role} · expires {format(i.expiresAt, "MMM d, HH:mm")}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
      )}
      <Card className="mt-6" title="Customer portal branding">
        <PortalBrandingForm action={portalBrandingAction} portalName={branding.portalName} portalAccent={branding.portalAccent} canEdit={canEdit(user)} />
      </Card>
    </>
  );
}
