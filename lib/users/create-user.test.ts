import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { users } from "@/db/schema";
import { Conflict, Invalid } from "@/lib/errors";
import { createTeam } from "@/lib/teams/create-team";
import { addMembership } from "./add-membership";
import { createUser } from "./create-user";

const handle = setupTestDb();

describe("createUser", () => {
  it("stores a bcrypt hash of the password and a lower-cased email", async () => {
    const { db } = await handle;
    const u = await createUser(db, { email: " Ann@Example.COM ", password: "correct horse" });
    expect(u.email).toBe("ann@example.com");
    const [row] = await db.select().from(users).where(eq(users.id, u.id));
    expect(row.passwordHash).not.toContain("correct horse");
    expect(await bcrypt.compare("correct horse", row.passwordHash)).toBe(true);
  });

  it("refuses a short password and a duplicate email", async () => {
    const { db } = await handle;
    await expect(createUser(db, { email: "b@example.com", password: "short" })).rejects.toBeInstanceOf(Invalid);
    await createUser(db, { email: "c@example.com", password: "long enough" });
    await expect(createUser(db, { email: "C@example.com", password: "long enough" })).rejects.toBeInstanceOf(Conflict);
  });
});

describe("addMembership", () => {
  it("binds customers to a sub-account of the team and refuses a second membership", async () => {
    const { db } = await handle;
    const team = await createTeam(db, { name: "T", currency: "USD" });
    const u = await createUser(db, { email: "owner@example.com", password: "long enough" });
    const m = await addMembership(db, { userId: u.id, teamId: team.id, role: "owner" });
    expect(m.role).toBe("owner");
    await expect(addMembership(db, { userId: u.id, teamId: team.id, role: "admin" })).rejects.toBeInstanceOf(Conflict);
    const v = await createUser(db, { email: "cust@example.com", password: "long enough" });
    await expect(addMembership(db, { userId: v.id, teamId: team.id, role: "customer" })).rejects.toBeInstanceOf(Invalid);
    await expect(
      addMembership(db, { userId: v.id, teamId: team.id, role: "customer", accountId: team.primaryAccountId }),
    ).rejects.toBeInstanceOf(Invalid);
  });
});
