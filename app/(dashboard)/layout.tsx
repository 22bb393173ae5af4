import { requirePageRole, TEAM_ROLES } from "@/lib/auth/session";
import { AppShell } from "@/components/dashboard/app-shell";
import { LiveRefresh } from "@/components/dashboard/live-refresh";
import { Providers } from "@/components/dashboard/providers";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(TEAM_ROLES);
  return (
    <Providers>
      <AppShell user={{ email: user.email, name: user.name, role: user.role, teamName: user.teamName, currency: user.currency }}>{children}</AppShell>
      <LiveRefresh />
    </Providers>
  );
}
