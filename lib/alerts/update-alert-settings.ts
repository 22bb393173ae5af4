// Alert settings: the team's default marks and low-balance threshold, and a sub-account's own marks.
// Marks that are no longer configured lose their "already past" state; a newly added mark the account is
// already past fires on its next movement (that is when the crossing is observed).
import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, alertStates, teams } from "@/db/schema";
import { recordAudit, systemActor, type Actor } from "@/lib/audit/record-audit";
import { NotFound } from "@/lib/errors";
import { forgetTeam, lockAccounts } from "@/lib/ledger/post-movements";
import type { Account, Team } from "@/lib/ledger/types";
import {
  parseInput,
  subAccountAlertSettingsSchema,
  teamAlertSettingsSchema,
  type SubAccountAlertSettingsInput,
  type TeamAlertSettingsInput,
} from "./schemas";

export type TeamAlertSettings = { thresholds: number[]; lowBalanceThreshold: bigint | null };

export async function getTeamAlertSettings(db: Db, teamId: string): Promise<TeamAlertSettings> {
  const [t] = await db.select({ thresholds: teams.alertThresholds, lowBalanceThreshold: teams.lowBalanceThreshold }).from(teams).where(eq(teams.id, teamId));
  if (!t) throw new NotFound("Team");
  return t;
}

export async function updateTeamAlertSettings(db: Db, teamId: string, raw: TeamAlertSettingsInput, actor: Actor = systemActor): Promise<Team> {
  const input = parseInput(teamAlertSettingsSchema, raw);
  const team = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("update");
    if (!before) throw new NotFound("Team");
    const patch: Partial<typeof teams.$inferInsert> = {};
    if (input.thresholds !== undefined) patch.alertThresholds = input.thresholds;
    if (input.lowBalanceThreshold !== undefined) patch.lowBalanceThreshold = input.lowBalanceThreshold === null ? null : BigInt(input.lowBalanceThreshold);
    if (!Object.keys(patch).length) return before;
    const [after] = await tx.update(teams).set(patch).where(eq(teams.id, teamId)).returning();
    if (input.thresholds !== undefined) {
      // accounts that follow the team's marks forget the marks the team dropped
      const followers = tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.teamId, teamId), isNull(accounts.alertThresholds)));
      await tx.delete(alertStates).where(and(inArray(alertStates.accountId, followers), dropped(input.thresholds)));
    }
    await recordAudit(tx, {
      teamId,
      actor,
      action: "team.alert_settings",
      targetType: "team",
      targetId: teamId,
      before: { alertThresholds: before.alertThresholds, lowBalanceThreshold: before.lowBalanceThreshold },
      after: { alertThresholds: after.alertThresholds, lowBalanceThreshold: after.lowBalanceThreshold },
    });
    return after;
  });
  forgetTeam(teamId);
  return team;
}

export async function updateSubAccountAlertSettings(
  db: Db,
  teamId: string,
  accountId: string,
  raw: SubAccountAlertSettingsInput,
  actor: Actor = systemActor,
): Promise<Account> {
  const input = parseInput(subAccountAlertSettingsSchema, raw);
  return db.transaction(async (tx) => {
    // the ledger's lock: no charge evaluates this account's marks while they change
    const before = (await lockAccounts(tx, teamId, [accountId])).get(accountId);
    if (!before || before.kind !== "sub" || before.deletedAt) throw new NotFound("Sub-account");
    const [after] = await tx.update(accounts).set({ alertThresholds: input.thresholds, updatedAt: new Date() }).where(eq(accounts.id, accountId)).returning();
    const [team] = await tx.select({ alertThresholds: teams.alertThresholds }).from(teams).where(eq(teams.id, teamId));
    await tx.delete(alertStates).where(and(eq(alertStates.accountId, accountId), dropped(input.thresholds ?? team.alertThresholds)));
    await recordAudit(tx, {
      teamId,
      actor,
      action: "subaccount.alert_settings",
      targetType: "account",
      targetId: accountId,
      before: { alertThresholds: before.alertThresholds },
      after: { alertThresholds: after.alertThresholds },
    });
    return after;
  });
}

function dropped(kept: number[]) {
  // alert_states.mark holds a threshold mark as text
  return kept.length ? notInArray(alertStates.mark, kept.map(String)) : undefined;
}
