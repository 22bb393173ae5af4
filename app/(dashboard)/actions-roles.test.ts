// Roles are enforced on the server, in the actions themselves: a viewer's forged action call changes nothing.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { setCurrentHandle } from "@/db/client";
import { accounts } from "@/db/schema";
import { setupTestDb } from "@/db/testing";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { createTeam } from "@/lib/teams/create-team";
import { addMembership } from "@/lib/users/add-membership";
import { createUser } from "@/lib/users/create-user";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost" }) }));

const { recordPaymentAction } = await import("./overview/actions");
const { setStatusAction, transferAction } = await import("./sub-accounts/actions");
const { inviteMemberAction } = await import("./team/actions");

const handle = setupTestDb();
let teamId = "";
let primaryId = "";
let subId = "";
const users: Record<string, string> = {};

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

beforeAll(async () => {
  const h = await handle;
  setCurrentHandle(h);
  const team = await createTeam(h.db, { name: "Roles", currency: "EUR", creditLimit: 10000n });
  teamId = team.id;
  primaryId = team.primaryAccountId;
  subId = (await createSubAccount(h.db, teamId, { name: "S", balanceMode: "own" })).account.id;
  for (const role of ["owner", "admin", "viewer"] as const) {
    const u = await createUser(h.db, { email: `${role}@roles.test`, password: "long enough" });
    await addMembership(h.db, { userId: u.id, teamId, role });
    users[role] = u.id;
  }
});

async function balanceOf(id: string) {
  const { db } = await handle;
  const [a] = await db.select().from(accounts).where(eq(accounts.id, id));
  return a;
}

describe("dashboard actions check roles on the server", () => {
  it("refuses everything to a signed-out caller and to a viewer", async () => {
    for (const who of [null, "viewer"]) {
      session.userId = who && users[who];
      const pay = await recordPaymentAction({}, form({ amount: "5" }));
      expect(pay.ok).toBe(false);
      expect(pay.message).toMatch(who ? /needs the owner or admin role/ : /Sign in first/);
      expect((await setStatusAction(subId, "suspended", {}, form({}))).ok).toBe(false);
      expect((await transferAction(subId, "credit", "to", {}, form({ amount: "1" }))).ok).toBe(false);
      expect((await inviteMemberAction({}, form({ role: "owner" }))).ok).toBe(false);
    }
    expect((await balanceOf(primaryId)).balance).toBe(0n);
    expect((await balanceOf(subId)).status).toBe("active");
    expect((await balanceOf(subId)).creditLimit).toBe(0n);
  });

  it("lets an admin move money but only an owner invite", async () => {
    session.userId = users.admin;
    expect(await recordPaymentAction({}, form({ amount: "12.34", reference: "r" }))).toMatchObject({ ok: true, message: "Recorded a payment of €12.34." });
    expect((await balanceOf(primaryId)).balance).toBe(1234n);
    const refused = await transferAction(subId, "credit", "to", {}, form({ amount: "101" }));
    expect(refused).toMatchObject({ ok: false, message: "Refused: the primary must keep enough credit to cover its own debt; at most €100.00 can move." });
    expect((await transferAction(subId, "credit", "to", {}, form({ amount: "40" }))).ok).toBe(true);
    expect((await balanceOf(subId)).creditLimit).toBe(4000n);
    expect((await inviteMemberAction({}, form({ role: "viewer" }))).message).toMatch(/needs the owner role/);
    session.userId = users.owner;
    const invite = await inviteMemberAction({}, form({ role: "viewer" }));
    expect(invite.ok).toBe(true);
    expect(invite.secret).toMatch(/^http:\/\/localhost\/invite\/[\w-]{20,}$/);
  });

  it("reads typed amounts exactly and names the bad field", async () => {
    session.userId = users.owner;
    expect(await recordPaymentAction({}, form({ amount: "1.005" }))).toMatchObject({ ok: false, fields: { amount: "must have at most 2 decimals" } });
    expect(await recordPaymentAction({}, form({ amount: "0" }))).toMatchObject({ ok: false, fields: { amount: "must be positive" } });
  });
});
