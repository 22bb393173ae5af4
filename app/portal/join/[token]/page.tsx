import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { loadPortalBranding } from "@/lib/portal/load-portal-overview";
import { findOpenInvite } from "@/lib/users/accept-invite";
import { JoinForm } from "../../_components/join-form";
import { acceptPortalInviteAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join the customer portal", referrer: "no-referrer" };

export default async function JoinPortalPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const open = await findOpenInvite(db, token);
  const valid = open && open.invite.role === "customer";
  const brand = valid ? await loadPortalBranding(db, open.invite.teamId) : null;
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm" style={brand ? { borderTop: `4px solid ${brand.accent}` } : undefined}>
        {valid && brand ? (
          <>
            <h1 className="mb-1 text-lg font-semibold">{brand.title}</h1>
            <p className="mb-4 text-sm text-slate-600">You have been invited to see your account. Create your sign-in to continue.</p>
            <JoinForm action={acceptPortalInviteAction.bind(null, token)} />
          </>
        ) : (
          <>
            <h1 className="mb-1 text-lg font-semibold">This invite link is not valid</h1>
            <p className="text-sm text-slate-600">It may have expired or been used already. Ask your provider for a new one.</p>
          </>
        )}
      </div>
    </main>
  );
}
