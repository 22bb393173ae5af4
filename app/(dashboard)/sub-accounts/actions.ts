"use server";
// Every change a partner makes to a sub-account from the dashboard: parse with the shared schema, check the
// role on the server (runAction), call the domain function, answer form state.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { deactivateSubAccount } from "@/lib/accounts/deactivate-sub-account";
import { restoreSubAccount, scheduleDeletion } from "@/lib/accounts/delete-sub-account";
import { getSubAccount } from "@/lib/accounts/get-account";
import { createSubAccountSchema, updateSubAccountSchema } from "@/lib/accounts/schemas";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { EDITOR_ROLES } from "@/lib/auth/session";
import type { FormState } from "@/lib/dashboard/form-state";
import { readAmount, readLimit } from "@/lib/dashboard/money-input";
import { formString, parseInput, runAction } from "@/lib/dashboard/run-action";
import { Invalid, TransferRefused } from "@/lib/errors";
import { createApiKey } from "@/lib/keys/create-api-key";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { loadTeam } from "@/lib/ledger/post-movements";
import { formatMoney, toNumber } from "@/lib/money";
import { transferBalance, transferCredit } from "@/lib/transfers/transfer";

function readMetadata(raw: string): Record<string, unknown> | undefined {
  if (!raw.trim()) return undefined;
  try {
    const v = JSON.parse(raw);
    if (v && typeof v === "object" && !Array.isArray(v)) return v;
  } catch {}
  throw new Invalid({ metadata: 'must be a JSON object such as {"plan": "pro"}' });
}

function refresh(id?: string) {
  revalidatePath("/sub-accounts");
  if (id) revalidatePath(`/sub-accounts/${id}`);
  revalidatePath("/overview");
}

export async function createSubAccountAction(_: FormState, form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    const limit = readLimit(formString(form, "creditLimit"), user.currency);
    const input = parseInput(createSubAccountSchema, {
      name: formString(form, "name"),
      externalId: formString(form, "externalId").trim() || null,
      balanceMode: formString(form, "balanceMode") === "own" ? "own" : "shared",
      creditLimit: toNumber(limit),
      metadata: readMetadata(formString(form, "metadata")),
    });
    const { account, apiKey } = await createSubAccount(await getDb(), user.teamId, { ...input, keyName: "Default" }, user.actor);
    refresh();
    return { message: `Created ${account.name}.`, createdId: account.id, secret: apiKey?.key };
  });
}

export async function updateDetailsAction(id: string, _: FormState, form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    const input = parseInput(updateSubAccountSchema, {
      name: formString(form, "name"),
      externalId: formString(form, "externalId").trim() || null,
      metadata: readMetadata(formString(form, "metadata")) ?? {},
    });
    await updateSubAccount(await getDb(), user.teamId, id, input, user.actor);
    refresh(id);
    return { message: "Details saved." };
  });
}

export async function setCreditLimitAction(id: string, _: FormState, form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    const limit = readLimit(formString(form, "creditLimit"), user.currency);
    const input = parseInput(updateSubAccountSchema, { creditLimit: toNumber(limit) });
    const after = await updateSubAccount(await getDb(), user.teamId, id, input, user.actor);
    refresh(id);
    return { message: after.creditLimit === null ? "The spending cap was removed." : `Credit limit is now ${formatMoney(after.creditLimit, user.currency)}.` };
  });
}

export async function switchToOwnBalanceAction(id: string, _: FormState, _form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    await updateSubAccount(await getDb(), user.teamId, id, { balanceMode: "own" }, user.actor);
    refresh(id);
    return { message: "This sub-account now has its own balance, starting at zero with no credit." };
  });
}

export async function setStatusAction(id: string, status: "active" | "suspended", _: FormState, _form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    await updateSubAccount(await getDb(), user.teamId, id, { status }, user.actor);
    refresh(id);
    return { message: status === "suspended" ? "Suspended: nothing can be charged." : "Reactivated." };
  });
}

async function confirmName(teamId: string, id: string, typed: string) {
  const sub = await getSubAccount(await getDb(), teamId, id);
  if (typed.trim() !== sub.name) throw new Invalid({ confirmName: `type the name "${sub.name}" exactly to confirm` });
}

export async function deactivateAction(id: string, _: FormState, form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    await confirmName(user.teamId, id, formString(form, "confirmName"));
    const r = await deactivateSubAccount(await getDb(), user.teamId, id, user.actor);
    refresh(id);
    return {
      message: `Deactivated: ${r.keysRevoked} key(s) revoked${r.balanceReturned > 0n ? `, ${formatMoney(r.balanceReturned, user.currency)} returned to the primary` : ""}.`,
    };
  });
}

export async function scheduleDeletionAction(id: string, _: FormState, form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    await confirmName(user.teamId, id, formString(form, "confirmName"));
    await scheduleDeletion(await getDb(), user.teamId, id, user.actor);
    refresh(id);
    return { message: "Scheduled for deletion." };
  });
}

export async function restoreAction(id: string, _: FormState, _form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    await restoreSubAccount(await getDb(), user.teamId, id, user.actor);
    refresh(id);
    return { message: "Restored: deletion cancelled. The account stays deactivated until you reactivate it." };
  });
}

// kind: credit or balance; direction: "to" the sub-account from the primary, or "from" it back to the primary
export async function transferAction(id: string, kind: "credit" | "balance", direction: "to" | "from", _: FormState, form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    const db = await getDb();
    const amount = readAmount(formString(form, "amount"), user.currency);
    const team = await loadTeam(db, user.teamId);
    const [from, to] = direction === "to" ? [team.primaryAccountId, id] : [id, team.primaryAccountId];
    const reference = formString(form, "reference").trim().slice(0, 200) || null;
    const move = kind === "credit" ? transferCredit : transferBalance;
    try {
      await move(db, user.teamId, { from, to, amount, reference }, user.actor);
    } catch (e) {
      if (!(e instanceof TransferRefused) || e.available === 0n && /own balance first/.test(e.message)) throw e;
      // say which side the rule held back, in the words of the money model
      const source = direction === "to" ? "the primary" : "this sub-account";
      const rule = kind === "credit" ? `${source} must keep enough credit to cover its own debt` : `${source} may not go past its credit limit`;
      const most = formatMoney(e.available, user.currency);
      return { ok: false, message: `Refused: ${rule}; at most ${most} can move.`, fields: { amount: `at most ${most} can move` } };
    }
    refresh(id);
    return { message: `Moved ${formatMoney(amount, user.currency)} of ${kind} ${direction === "to" ? "to this sub-account" : "back to the primary"}.` };
  });
}

export async function createKeyAction(id: string, _: FormState, form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    const db = await getDb();
    const sub = await getSubAccount(db, user.teamId, id);
    if (sub.status === "deactivated") throw new Invalid({ name: "reactivate the sub-account before issuing keys" });
    const name = formString(form, "name").trim().slice(0, 100) || "API key";
    const environment = formString(form, "environment") === "test" ? "test" : "live";
    const key = await createApiKey(db, user.teamId, id, { name, environment }, user.actor);
    refresh(id);
    return { message: `Key "${key.name}" created.`, secret: key.key };
  });
}

export async function revokeKeyAction(id: string, keyId: string, _: FormState, _form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    await revokeApiKey(await getDb(), user.teamId, id, keyId, user.actor);
    refresh(id);
    return { message: "Key revoked." };
  });
}
