import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { findOpenInvite } from "@/lib/users/accept-invite";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { acceptInviteAction } from "./actions";

export const metadata: Metadata = { title: "Accept invite · Subledger" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await findOpenInvite(await getDb(), token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight">Subledger</p>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {open ? (
            <>
              <h1 className="mb-1 text-lg font-semibold">Join {open.teamName}</h1>
              <p className="mb-4 text-sm text-slate-500">You were invited as {open.invite.role}. Choose your sign-in details.</p>
              <AcceptInviteForm action={acceptInviteAction.bind(null, token)} />
            </>
          ) : (
            <>
              <h1 className="mb-2 text-lg font-semibold">This invite is not valid</h1>
              <p className="text-sm text-slate-600">It has expired or been used already. Ask an owner of the team for a new link.</p>
              <Link href="/signin" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
                Go to sign in
              </Link>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
