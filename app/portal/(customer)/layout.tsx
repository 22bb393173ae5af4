import Link from "next/link";
import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { loadPortalBranding } from "@/lib/portal/load-portal-overview";
import { requireCustomerPage } from "@/lib/portal/customer-scope";
import { SignOutButton } from "../_components/sign-out-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const c = await requireCustomerPage();
  return { title: (await loadPortalBranding(await getDb(), c.teamId)).title };
}

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const customer = await requireCustomerPage();
  const brand = await loadPortalBranding(await getDb(), customer.teamId);
  const nav = [
    { href: "/portal", label: "Overview" },
    { href: "/portal/charges", label: "Charges" },
    { href: "/portal/keys", label: "API keys" },
  ];
  return (
    // the accent is a validated #rrggbb (lib/portal/schemas.ts); children pick it up through the CSS variable
    <div className="min-h-screen bg-slate-50" style={{ "--portal-accent": brand.accent } as React.CSSProperties}>
      <header className="border-b border-slate-200 bg-white" style={{ borderTop: `4px solid ${brand.accent}` }}>
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-semibold tracking-tight" style={{ color: brand.accent }} data-testid="portal-name">
            {brand.title}
          </p>
          <nav aria-label="Portal" className="flex items-center gap-1 text-sm">
            {nav.map((n) => (
              <Link key={n.href} href={n.href} className="rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100">
                {n.label}
              </Link>
            ))}
            <span className="ml-2 hidden text-xs text-slate-500 sm:inline">{customer.email}</span>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-6">{children}</main>
    </div>
  );
}
