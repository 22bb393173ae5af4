// The activity log: who did what, when, to what, with the state before and after.
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type Actor = { kind: "user" | "key" | "system"; id: string; label?: string };
export const systemActor: Actor = { kind: "system", id: "system" };

function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v ?? null, (_k, x) => (typeof x === "bigint" ? Number(x) : x)));
}

export async function recordAudit(
  db: Db,
  e: { teamId: string; actor: Actor; action: string; targetType: string; targetId?: string | null; before?: unknown; after?: unknown },
) {
  await db.insert(auditEvents).values({
    teamId: e.teamId,
    actor: `${e.actor.kind}:${e.actor.id}${e.actor.label ? `:${e.actor.label}` : ""}`,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId ?? null,
    before: plain(e.before),
    after: plain(e.after),
  });
}
