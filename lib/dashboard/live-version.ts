// A cheap fingerprint of a team's state: the newest ledger transaction and audit event. The dashboard polls it
// and re-renders only when it changes, so usage arriving through the API shows within seconds.
import { eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, ledgerTransactions } from "@/db/schema";

export async function liveVersion(db: Db, teamId: string) {
  const [[tx], [audit]] = await Promise.all([
    db.select({ id: max(ledgerTransactions.id) }).from(ledgerTransactions).where(eq(ledgerTransactions.teamId, teamId)),
    db.select({ id: max(auditEvents.id) }).from(auditEvents).where(eq(auditEvents.teamId, teamId)),
  ]);
  return `${tx?.id ?? 0}-${audit?.id ?? 0}`;
}
