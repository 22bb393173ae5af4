"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const POLL_MS = 2000;

// Polls the team's state fingerprint and re-renders the server components when it moves: balances, spend
// and charts follow usage arriving through the API without a reload. An expired session goes to sign-in.
export function LiveRefresh() {
  const router = useRouter();
  const seen = useRef<string | null>(null);
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
    if (seen.current !== null && seen.current !== data.version) router.refresh();
    seen.current = data.version;
  }, [data, router]);
  return null;
}
