// Polled by the dashboard every couple of seconds: the team's state fingerprint, for the signed-in user only.
import { getDb } from "@/db/client";
import { getSessionUser } from "@/lib/auth/session";
import { liveVersion } from "@/lib/dashboard/live-version";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getSessionUser();
  if (!user || user.role === "customer") return Response.json({ error: "unauthorized" }, { status: 401 });
  const version = await liveVersion(await getDb(), user.teamId);
  return Response.json({ version }, { headers: { "cache-control": "no-store" } });
}
