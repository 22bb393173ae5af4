"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const POLL_MS = 2000;

// Polls the team's state fingerprint and re-renders the server components when it differs from the one the
// page was rendered with: balances, spend and charts follow usage arriving through the API without a reload.
// Comparing with the rendered version (not the first poll) means a change between render and first poll still shows.
// An expired session goes to sign-in.
export function LiveRefresh({ renderedVersion }: { renderedVersion: string }) {
  const router = useRouter();
  const requested = useRef<string | null>(null);
  const { data } = useQuery({
    queryKey: ["live-version"],
    queryFn: async () => {
      const r = await fetch("/live", { cache: "no-store" });
      if (r.status === 401) return { version: null, signedOut: true };
      if (!r.ok) throw new Error(`live ${r.status}`);
      return (await r.json()) as { version: string; signedOut?: boolean };
    },
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  useEffect(() => {
    if (!data) return;
    if (data.signedOut) {
      router.replace("/signin");
      return;
    }
    if (data.version !== renderedVersion && requested.current !== data.version) {
      requested.current = data.version;
      router.refresh();
    }
  }, [data, renderedVersion, router]);
  return null;
}
