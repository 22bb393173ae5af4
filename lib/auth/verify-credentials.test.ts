import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { createUser } from "@/lib/users/create-user";
import { TOO_MANY_FAILURES, verifyCredentials, WRONG_CREDENTIALS } from "./verify-credentials";
import { MAX_SIGN_IN_FAILURES, noteSignInFailure, signInBlocked, SIGN_IN_WINDOW_MS } from "./sign-in-rate-limit";

const handle = setupTestDb();

describe("verifyCredentials", () => {
  it("accepts the right password whatever the email's case, refuses a wrong one or an unknown email", async () => {
    const { db } = await handle;
    await createUser(db, { email: "ann@example.com", password: "right password" });
    expect(await verifyCredentials(db, "ANN@example.com", "right password")).toMatchObject({ ok: true, user: { email: "ann@example.com" } });
    expect(await verifyCredentials(db, "ann@example.com", "wrong password")).toEqual({ ok: false, error: WRONG_CREDENTIALS });
    expect(await verifyCredentials(db, "nobody@example.com", "right password")).toEqual({ ok: false, error: WRONG_CREDENTIALS });
  });

  it("refuses even the right password after five failures in fifteen minutes", async () => {
    const { db } = await handle;
    await createUser(db, { email: "bob@example.com", password: "right password" });
    for (let i = 0; i < MAX_SIGN_IN_FAILURES; i++) expect((await verifyCredentials(db, "bob@example.com", `guess ${i}`)).ok).toBe(false);
    expect(await verifyCredentials(db, "bob@example.com", "right password")).toEqual({ ok: false, error: TOO_MANY_FAILURES });
    // other emails are not affected
    await createUser(db, { email: "cat@example.com", password: "right password" });
    expect((await verifyCredentials(db, "cat@example.com", "right password")).ok).toBe(true);
  });

  it("forgets failures older than the window, and a success clears them", async () => {
    const { db } = await handle;
    const long = new Date(Date.now() - SIGN_IN_WINDOW_MS - 1000);
    for (let i = 0; i < MAX_SIGN_IN_FAILURES; i++) await noteSignInFailure(db, "dan@example.com", long);
    expect(await signInBlocked(db, "dan@example.com")).toBe(false);
    await createUser(db, { email: "eve@example.com", password: "right password" });
    for (let i = 0; i < MAX_SIGN_IN_FAILURES - 1; i++) await verifyCredentials(db, "eve@example.com", "bad one");
    expect((await verifyCredentials(db, "eve@example.com", "right password")).ok).toBe(true);
    await verifyCredentials(db, "eve@example.com", "bad one");
    expect(await signInBlocked(db, "eve@example.com")).toBe(false);
  });
});
