"use server";
// The dashboard's server action for the portal's branding (name and accent colour).
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { EDITOR_ROLES } from "@/lib/auth/session";
import type { FormState } from "@/lib/dashboard/form-state";
import { runAction } from "@/lib/dashboard/run-action";
import { updatePortalBranding } from "./update-portal-branding";

export async function portalBrandingAction(_: FormState, form: FormData): Promise<FormState> {
  return runAction(EDITOR_ROLES, async (user) => {
    const name = String(form.get("portalName") ?? "").trim();
    const accent = String(form.get("portalAccent") ?? "").trim();
    await updatePortalBranding(await getDb(), user.teamId, { portalName: name || null, portalAccent: accent || null }, user.actor);
    revalidatePath("/team");
    return { message: "Portal branding saved" };
  });
}
