"use client";
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";

const NAV = [
  { href: "/overview", label: "Overview" },
  { href: "/sub-accounts", label: "Sub-accounts" },
  { href: "/transfers", label: "Transfers" },
  { href: "/activity", label: "Activity" },
  { href: "/team", label: "Team" },
];

type ShellUser = { email: string; name: string | null; role: string; teamName: string; currency: string };

export function AppShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  const path = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const nav = (
    <ul className="flex flex-col gap-1">
      {NAV.map((n) => {
        const current = path === n.href || path.startsWith(`${n.href}/`);
        return (
          <li key={n.href}>
            <Link
              href={n.href}
              aria-current={current ? "page" : undefined}
              onClick={() => setMenuOpen(false)}
              className={clsx(
                "block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600",
                current ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {n.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
  const account = (
    <div className="space-y-2 border-t border-slate-200 pt-4 text-sm">
      <p className="truncate font-medium text-slate-900" title={user.email}>
        {user.name || user.email}
      </p>
      <p className="flex items-center gap-2 text-slate-500">
        <Badge tone="info">{user.role}</Badge>
        <span>{user.currency}</span>
      </p>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/signin" })}
        className="rounded-md px-0 py-1 text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        Sign out
      </button>
    </div>
  );
  return (
    <div className="min-h-screen lg:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <span className="font-semibold">
          Subledger <span className="font-normal text-slate-500">· {user.teamName}</span>
        </span>
        <button
          type="button"
          aria-expanded={menuOpen}
          aria-controls="mobile-nav"
          onClick={() => setMenuOpen((o) => !o)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium"
        >
          Menu
        </button>
      </header>
      {menuOpen && (
        <nav id="mobile-nav" aria-label="Main" className="space-y-4 border-b border-slate-200 bg-white px-4 py-4 lg:hidden">
          {nav}
          {account}
        </nav>
      )}
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white lg:block">
        <div className="sticky top-0 flex h-screen flex-col gap-6 p-4">
          <div>
            <p className="text-lg font-semibold tracking-tight">Subledger</p>
            <p className="truncate text-sm text-slate-500">{user.teamName}</p>
          </div>
          <nav aria-label="Main" className="flex-1">
            {nav}
          </nav>
          {account}
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
