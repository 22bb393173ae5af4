import { getDb } from "@/db/client";
import { requirePageRole, TEAM_ROLES } from "@/lib/auth/session";
import { liveVersion } from "@/lib/dashboard/live-version";
import { AppShell } from "@/components/dashboard/app-shell";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { Providers } from "@/components/dashboard/providers";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(TEAM_ROLES);
  const version = await liveVersion(await getDb(), user.teamId);
  return (
    <Providers>
      <AppShell user={{ email: user.email, name: user.name, role: user.role, teamName: user.teamName, currency: user.currency }}>{children}</AppShell>
      <LiveRefresh renderedVersion={version} />
    </Providers>
  );
}
