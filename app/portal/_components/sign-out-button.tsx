"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/signin" })} className="rounded-md px-3 py-1.5 text-slate-500 hover:bg-slate-100">
      Sign out
    </button>
  );
}
