import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { Conflict, NotFound } from "@/lib/errors";
import { createTeam } from "@/lib/teams/create-team";
import { acceptInvite, findOpenInvite } from "./accept-invite";
import { addMembership } from "./add-membership";
import { changeRole } from "./change-role";
import { createInvite } from "./create-invite";
import { createUser } from "./create-user";
import { listMembers } from "./list-members";

const handle = setupTestDb();
const actor = { kind: "user" as const, id: "user_owner" };

describe("invites and roles", () => {
  it("an invite link works once and before it expires", async () => {
    const { db } = await handle;
    const team = await createTeam(db, { name: "T", currency: "EUR" });
    const { token } = await createInvite(db, team.id, { role: "viewer" }, actor);
    expect((await findOpenInvite(db, token))?.teamName).toBe("T");
    const r = await acceptInvite(db, token, { email: "v@example.com", password: "long enough" });
    expect(r.role).toBe("viewer");
    await expect(acceptInvite(db, token, { email: "w@example.com", password: "long enough" })).rejects.toBeInstanceOf(NotFound);
    const old = await createInvite(db, team.id, { role: "admin" }, actor, new Date(Date.now() - 8 * 86_400_000));
    expect(await findOpenInvite(db, old.token)).toBeNull();
    expect((await listMembers(db, team.id)).map((m) => [m.email, m.role])).toEqual([["v@example.com", "viewer"]]);
  });

  it("roles change, but the last owner stays an owner", async () => {
    const { db } = await handle;
    const team = await createTeam(db, { name: "U", currency: "USD" });
    const a = await createUser(db, { email: "a@u.test", password: "long enough" });
    const b = await createUser(db, { email: "b@u.test", password: "long enough" });
    await addMembership(db, { userId: a.id, teamId: team.id, role: "owner" });
    await addMembership(db, { userId: b.id, teamId: team.id, role: "viewer" });
    await expect(changeRole(db, team.id, a.id, "admin", actor)).rejects.toBeInstanceOf(Conflict);
    await changeRole(db, team.id, b.id, "owner", actor);
    await changeRole(db, team.id, a.id, "viewer", actor);
    expect((await listMembers(db, team.id)).map((m) => m.role)).toEqual(["viewer", "owner"]);
  });
});
