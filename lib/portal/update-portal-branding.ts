// The portal's branding: the name and accent colour a team's customers see instead of Subledger's.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teams } from "@/db/schema";
import { parseInput } from "@/lib/alerts/schemas";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { forgetTeam } from "@/lib/ledger/post-movements";
import { portalBrandingSchema, type PortalBrandingInput } from "./schemas";

export async function updatePortalBranding(db: Db, teamId: string, raw: PortalBrandingInput, actor: Actor = systemActor) {
  const input = parseInput(portalBrandingSchema, raw);
  const team = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("update");
    if (!before) throw new NotFound("Team");
    const patch: Partial<typeof teams.$inferInsert> = {};
    if (input.portalName !== undefined) patch.portalName = input.portalName || null;
    if (input.portalAccent !== undefined) patch.portalAccent = input.portalAccent?.toLowerCase() ?? null;
    if (!Object.keys(patch).length) return before;
    const [after] = await tx.update(teams).set(patch).where(eq(teams.id, teamId)).returning();
    await recordAudit(tx, {
      teamId,
      actor,
      action: "team.portal_branding",
      targetType: "team",
      targetId: teamId,
      before: { portalName: before.portalName, portalAccent: before.portalAccent },
      after: { portalName: after.portalName, portalAccent: after.portalAccent },
    });
    return after;
  });
  forgetTeam(teamId);
  return team;
}
