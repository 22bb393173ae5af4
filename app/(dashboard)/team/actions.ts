"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { FormState } from "@/lib/dashboard/form-state";
import { formString, parseInput, runAction } from "@/lib/dashboard/run-action";
import { changeRole } from "@/lib/users/change-role";
import { createInvite, INVITABLE_ROLES } from "@/lib/users/create-invite";

const roleSchema = z.object({ role: z.enum(INVITABLE_ROLES, { error: "must be owner, admin or viewer" }) });

// Only owners manage people.
export async function inviteMemberAction(_: FormState, form: FormData): Promise<FormState> {
  return runAction(["owner"], async (user) => {
    const { role } = parseInput(roleSchema, { role: formString(form, "role") });
    const { token } = await createInvite(await getDb(), user.teamId, { role }, user.actor);
    const h = await headers();
    const origin = process.env.NEXTAUTH_URL?.replace(/\/$/, "") ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`;
    revalidatePath("/team");
    return { message: `Invite link for a new ${role} created.`, secret: `${origin}/invite/${token}` };
  });
}

export async function changeRoleAction(userId: string, _: FormState, form: FormData): Promise<FormState> {
  return runAction(["owner"], async (user) => {
    const { role } = parseInput(roleSchema, { role: formString(form, "role") });
    await changeRole(await getDb(), user.teamId, userId, role, user.actor);
    revalidatePath("/team");
    return { message: `Role changed to ${role}.` };
  });
}
