// The batcher gathers concurrent charges into shared transactions and still answers each caller exactly.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { getAccount } from "@/lib/accounts/get-account";
import { pgCode } from "@/db/errors";
import { ChargeBatcher } from "./charge-batcher";
import { makeTeam } from "@/lib/testing/fixtures";

const handle = setupTestDb();

describe("ChargeBatcher", () => {
  it.each([1, 2, 4])("admits exactly what the rules allow, answers every caller, and commits far fewer transactions than charges (allowing %i batches in flight)", async (inFlight) => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 1_000n });
    const { account: capped } = await createSubAccount(db, team.id, { name: "capped", creditLimit: 150 });
    const { account: free } = await createSubAccount(db, team.id, { name: "free" });
    const batcher = new ChargeBatcher(async () => db, { maxBatch: 64, windowMs: 2, inFlight });
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, i) => batcher.submit(team.id, { type: "charge", accountId: i % 2 ? capped.id : free.id, amount: 4n })),
    );
    const okCapped = results.filter((r, i) => i % 2 && r.ok).length;
    const okFree = results.filter((r, i) => !(i % 2) && r.ok).length;
    // capped: 150 / 4 → 37 charges (148); the primary's 1,000 funds 250 charges in all, so free gets 213
    expect(okCapped).toBe(37);
    expect(okFree).toBe(213);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === "credit_limit_exceeded")).toBe(true);
    expect((await getAccount(db, team.id, team.primaryAccountId)).balance).toBe(0n);
    const ids = new Set(results.flatMap((r) => (r.ok ? [r.transaction.id] : [])));
    expect(ids.size).toBe(250);
    // all 600 arrived before the first window closed: ten batches of at most 64
    expect(batcher.batches).toBe(10);
  });

  // While one batch posts, a second goes out beside it only once deepQueue charges wait: a short queue waits for
  // the running batch and rides in the next one.
  it.each([
    [8, 2],
    [100, 1],
  ])("opens a second batch only when the queue is deep (deepQueue %i → %i in flight)", async (deepQueue, peak) => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 1_000n });
    let open = () => {};
    const gate = new Promise<void>((r) => (open = r));
    const batcher = new ChargeBatcher(async () => (await gate, db), { maxBatch: 4, windowMs: 0, inFlight: 2, deepQueue });
    const tick = () => new Promise((r) => setImmediate(r));
    const charge = () => batcher.submit(team.id, { type: "charge", accountId: team.primaryAccountId, amount: 1n });
    const sent = [charge(), charge(), charge(), charge()];
    await tick(); // the first batch has taken its four and waits at the gate
    for (let i = 0; i < 7; i++) sent.push(charge());
    await tick();
    expect(batcher.peakInFlight).toBe(1); // seven waiting is not deep
    sent.push(charge()); // the eighth
    await tick();
    expect(batcher.peakInFlight).toBe(peak);
    open();
    const results = await Promise.all(sent);
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await getAccount(db, team.id, team.primaryAccountId)).balance).toBe(1_000n - 12n);
    // four, four and the four left: whichever batch finds the queue short once the other is running stops
    expect(batcher.batches).toBe(3);
  });

  it("refuses only the charge whose value Postgres cannot store; the rest of its batch is applied", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 1_000n });
    const batcher = new ChargeBatcher(async () => db, { maxBatch: 64, windowMs: 2, inFlight: 1 });
    const descriptions = ["one", "two", "nul \u0000 inside", "four", "five"];
    const results = await Promise.allSettled(
      descriptions.map((description) => batcher.submit(team.id, { type: "charge", accountId: team.primaryAccountId, amount: 10n, description })),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(pgCode((results[2] as PromiseRejectedResult).reason)?.slice(0, 2)).toBe("22");
    expect((await getAccount(db, team.id, team.primaryAccountId)).balance).toBe(1_000n - 40n);
    // the batch of five failed as one, then each went again on its own
    expect(batcher.batches).toBe(1);
  });
});

