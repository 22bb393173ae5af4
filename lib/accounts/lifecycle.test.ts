// Sub-account rules with exact numbers: caps, own balance, status, deactivation, deletion, keys.
import { describe, expect, it } from "vitest";
import { setupTestDb } from "@/db/testing";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { updateSubAccount } from "@/lib/accounts/update-sub-account";
import { deactivateSubAccount } from "@/lib/accounts/deactivate-sub-account";
import { purgeDeletedAccounts, restoreSubAccount, scheduleDeletion } from "@/lib/accounts/delete-sub-account";
import { getAccount, getSubAccount } from "@/lib/accounts/get-account";
import { listSubAccounts } from "@/lib/accounts/list-sub-accounts";
import { chargeAccount } from "@/lib/charges/charge-account";
import { listCharges } from "@/lib/charges/list-charges";
import { createApiKey } from "@/lib/keys/create-api-key";
import { verifyAccountSecret, verifyApiKey } from "@/lib/keys/verify-api-key";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { spendReport } from "@/lib/reports/spend-report";
import { transferBalance, transferCredit } from "@/lib/transfers/transfer";
import { listTransfers } from "@/lib/transfers/list-transfers";
import { makeTeam } from "@/lib/testing/fixtures";
import { AccountNotActive, Conflict, CreditLimitExceeded, Invalid, NotFound, TransferRefused, Unauthorized } from "@/lib/errors";
import { postMovements } from "@/lib/ledger/post-movements";

const handle = setupTestDb();

describe("shared sub-accounts", () => {
  it("are capped on total spent and draw from the primary's balance", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 500n, creditLimit: 100n });
    const { account: s } = await createSubAccount(db, team.id, { name: "s", creditLimit: 300 });
    await chargeAccount(db, team.id, { accountId: s.id, amount: 250n });
    const e = await chargeAccount(db, team.id, { accountId: s.id, amount: 51n }).catch((x) => x);
    expect(e).toBeInstanceOf(CreditLimitExceeded);
    expect(e.available).toBe(50n);
    await chargeAccount(db, team.id, { accountId: s.id, amount: 50n });
    expect((await getAccount(db, team.id, team.primaryAccountId)).balance).toBe(200n);
    // raising the cap past the primary's funds: the primary's rule still binds (200 balance + 100 credit)
    await updateSubAccount(db, team.id, s.id, { creditLimit: 10_000 });
    const e2 = await chargeAccount(db, team.id, { accountId: s.id, amount: 301n }).catch((x) => x);
    expect(e2.available).toBe(300n);
    await chargeAccount(db, team.id, { accountId: s.id, amount: 300n });
    expect((await getAccount(db, team.id, team.primaryAccountId)).balance).toBe(-100n);
    // no cap at all
    await updateSubAccount(db, team.id, s.id, { creditLimit: null });
    expect((await getSubAccount(db, team.id, s.id)).creditLimit).toBeNull();
    // a cap below what was spent is refused
    const e3 = await updateSubAccount(db, team.id, s.id, { creditLimit: 10 }).catch((x) => x);
    expect(e3).toBeInstanceOf(Invalid);
    expect(e3.fields).toEqual({ creditLimit: "must be at least the 600 already spent" });
  });

  it("switch to own balance once; going back is refused at the schema and transfers need own balance", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { creditLimit: 1_000n });
    const { account: s } = await createSubAccount(db, team.id, { name: "s" });
    const refused = await transferCredit(db, team.id, { from: team.primaryAccountId, to: s.id, amount: 1n }).catch((x) => x);
    expect(refused).toBeInstanceOf(TransferRefused);
    const own = await updateSubAccount(db, team.id, s.id, { balanceMode: "own" });
    expect([own.balanceMode, own.balance, own.creditLimit]).toEqual(["own", 0n, 0n]);
    // an own-balance limit edit is a credit transfer of the difference from the primary
    const raised = await updateSubAccount(db, team.id, s.id, { creditLimit: 400 });
    expect(raised.creditLimit).toBe(400n);
    expect((await getAccount(db, team.id, team.primaryAccountId)).creditLimit).toBe(600n);
    const tooMuch = await updateSubAccount(db, team.id, s.id, { creditLimit: 1_001 }).catch((x) => x);
    expect(tooMuch).toBeInstanceOf(TransferRefused);
    expect(tooMuch.available).toBe(600n);
    await chargeAccount(db, team.id, { accountId: s.id, amount: 300n });
    // lowering below its own debt is refused: 300 owed, so at most 100 of the 400 can go back
    const lower = await updateSubAccount(db, team.id, s.id, { creditLimit: 299 }).catch((x) => x);
    expect(lower).toBeInstanceOf(TransferRefused);
    expect(lower.available).toBe(100n);
    await updateSubAccount(db, team.id, s.id, { creditLimit: 300 });
    expect((await getAccount(db, team.id, team.primaryAccountId)).creditLimit).toBe(700n);
    const nulled = await updateSubAccount(db, team.id, s.id, { creditLimit: null }).catch((x) => x);
    expect(nulled).toBeInstanceOf(Invalid);
  });
});

describe("life cycle", () => {
  it("suspend refuses charges, reactivate allows them", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 100n });
    const { account: s } = await createSubAccount(db, team.id, { name: "s" });
    await updateSubAccount(db, team.id, s.id, { status: "suspended" });
    const e = await chargeAccount(db, team.id, { accountId: s.id, amount: 1n }).catch((x) => x);
    expect(e).toBeInstanceOf(AccountNotActive);
    expect(e.code).toBe("account_suspended");
    await updateSubAccount(db, team.id, s.id, { status: "active" });
    await chargeAccount(db, team.id, { accountId: s.id, amount: 1n });
    expect((await getSubAccount(db, team.id, s.id)).totalSpent).toBe(1n);
  });

  it("deactivation revokes every key and returns a positive own balance to the primary; reactivation needs new keys", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 1_000n });
    const { account: s, apiKey } = await createSubAccount(db, team.id, { name: "s", balanceMode: "own" });
    const second = await createApiKey(db, team.id, s.id, { name: "second" });
    await transferBalance(db, team.id, { from: team.primaryAccountId, to: s.id, amount: 250n });
    await chargeAccount(db, team.id, { accountId: s.id, amount: 50n });
    const r = await deactivateSubAccount(db, team.id, s.id);
    expect(r).toEqual({ keysRevoked: 2, balanceReturned: 200n });
    expect((await getAccount(db, team.id, team.primaryAccountId)).balance).toBe(950n);
    expect((await getSubAccount(db, team.id, s.id)).balance).toBe(0n);
    await expect(verifyApiKey(db, apiKey!.key)).rejects.toBeInstanceOf(Unauthorized);
    await expect(verifyApiKey(db, second.key)).rejects.toBeInstanceOf(Unauthorized);
    await expect(chargeAccount(db, team.id, { accountId: s.id, amount: 1n })).rejects.toBeInstanceOf(AccountNotActive);
    await updateSubAccount(db, team.id, s.id, { status: "active" });
    await expect(verifyApiKey(db, apiKey!.key)).rejects.toBeInstanceOf(Unauthorized);
    const fresh = await createApiKey(db, team.id, s.id, {});
    expect((await verifyApiKey(db, fresh.key)).account.id).toBe(s.id);
  });

  it("deletion waits out the grace period, can be restored, then purges personal data and keeps the books", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 100n });
    const { account: s } = await createSubAccount(db, team.id, { name: "Jane's shop", externalId: "jane", metadata: { email: "j@x" } });
    await chargeAccount(db, team.id, { accountId: s.id, amount: 40n });
    const t0 = new Date("2026-01-01T00:00:00Z");
    const scheduled = await scheduleDeletion(db, team.id, s.id, undefined, t0);
    expect(scheduled.deleteAfter?.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(scheduled.status).toBe("deactivated");
    await restoreSubAccount(db, team.id, s.id);
    expect((await getSubAccount(db, team.id, s.id)).deleteAfter).toBeNull();
    await scheduleDeletion(db, team.id, s.id, undefined, t0);
    expect(await purgeDeletedAccounts(db, new Date("2026-01-14T23:59:59Z"))).toEqual([]);
    expect(await purgeDeletedAccounts(db, new Date("2026-01-15T00:00:00Z"))).toEqual([s.id]);
    await expect(getSubAccount(db, team.id, s.id)).rejects.toBeInstanceOf(NotFound);
    const row = await getAccount(db, team.id, s.id);
    expect([row.name, row.externalId, row.metadata, row.totalSpent]).toEqual(["Deleted sub-account", null, {}, 40n]);
    const charges = await listCharges(db, team.id, { accountId: s.id });
    expect(charges.items.map((c) => c.amount)).toEqual([40n]);
  });

  it("externalId is unique per team", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db);
    const { team: other } = await makeTeam(db, { name: "Other" });
    await createSubAccount(db, team.id, { name: "a", externalId: "x-1" });
    await expect(createSubAccount(db, team.id, { name: "b", externalId: "x-1" })).rejects.toBeInstanceOf(Conflict);
    await createSubAccount(db, other.id, { name: "c", externalId: "x-1" });
  });
});

describe("charges and keys", () => {
  it("an idempotency key applies a charge once and refuses another body", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 100n });
    const a = await chargeAccount(db, team.id, { accountId: team.primaryAccountId, amount: 30n, idempotencyKey: "k1" });
    const b = await chargeAccount(db, team.id, { accountId: team.primaryAccountId, amount: 30n, idempotencyKey: "k1" });
    expect(b.id).toBe(a.id);
    await expect(chargeAccount(db, team.id, { accountId: team.primaryAccountId, amount: 31n, idempotencyKey: "k1" })).rejects.toBeInstanceOf(Conflict);
    // inside one batch too
    const rs = await postMovements(db, team.id, [
      { type: "charge", accountId: team.primaryAccountId, amount: 5n, idempotencyKey: "k2" },
      { type: "charge", accountId: team.primaryAccountId, amount: 5n, idempotencyKey: "k2" },
      { type: "charge", accountId: team.primaryAccountId, amount: 1_000n },
    ]);
    expect(rs.map((r) => r.ok)).toEqual([true, true, false]);
    expect(rs[0].ok && rs[1].ok && rs[0].transaction.id === rs[1].transaction.id).toBe(true);
    expect((await getAccount(db, team.id, team.primaryAccountId)).balance).toBe(65n);
  });

  it("keys are stored as hashes, several live at once, and a revoked key stops at once", async () => {
    const { db } = await handle;
    const { team, primaryKey } = await makeTeam(db);
    const k2 = await createApiKey(db, team.id, team.primaryAccountId, { name: "rotation", environment: "test" });
    expect(k2.key.startsWith("sl_test_")).toBe(true);
    expect(k2.hash).not.toContain(k2.key);
    expect(k2.prefix).toBe(k2.key.slice(0, 12));
    expect((await verifyApiKey(db, primaryKey)).account.id).toBe(team.primaryAccountId);
    expect((await verifyApiKey(db, k2.key)).key.lastUsedAt).not.toBeNull();
    await revokeApiKey(db, team.id, team.primaryAccountId, k2.id);
    await expect(verifyApiKey(db, k2.key)).rejects.toBeInstanceOf(Unauthorized);
    expect((await verifyApiKey(db, primaryKey)).account.id).toBe(team.primaryAccountId);
    // a chosen secret (Vonage) works for its account only
    await createApiKey(db, team.id, team.primaryAccountId, { secret: "Secret123" });
    expect((await verifyAccountSecret(db, team.primaryAccountId, "Secret123")).account.id).toBe(team.primaryAccountId);
    expect((await verifyAccountSecret(db, team.primaryAccountId, primaryKey)).account.id).toBe(team.primaryAccountId);
    await expect(verifyAccountSecret(db, "someoneelse", "Secret123")).rejects.toBeInstanceOf(Unauthorized);
  });
});

describe("lists and reports", () => {
  it("pages sub-accounts newest first without repeats, with search and filters", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db);
    for (let i = 0; i < 7; i++) await createSubAccount(db, team.id, { name: `Customer ${i}`, externalId: `ext-${i}`, balanceMode: i % 2 ? "own" : "shared" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listSubAccounts(db, team.id, { limit: 3, cursor });
      seen.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Customer ${i}`));
    expect((await listSubAccounts(db, team.id, { search: "EXT-3" })).items.map((a) => a.name)).toEqual(["Customer 3"]);
    expect((await listSubAccounts(db, team.id, { balanceMode: "own" })).items).toHaveLength(3);
    await expect(listSubAccounts(db, team.id, { limit: 101 })).rejects.toBeInstanceOf(Invalid);
  });

  it("reports spend per UTC day with every day present, and lists transfers by type", async () => {
    const { db } = await handle;
    const { team } = await makeTeam(db, { balance: 1_000n, creditLimit: 500n });
    const { account: s } = await createSubAccount(db, team.id, { name: "s", balanceMode: "own", creditLimit: 200 });
    const day = (d: string) => new Date(`2026-03-${d}T12:00:00Z`);
    await postMovements(db, team.id, [
      { type: "charge", accountId: s.id, amount: 10n, at: day("01") },
      { type: "charge", accountId: s.id, amount: 15n, at: day("01") },
      { type: "charge", accountId: team.primaryAccountId, amount: 7n, at: day("03") },
    ]);
    const r = await spendReport(db, team.id, { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-04T00:00:00Z") });
    expect(r.map((p) => [p.period, p.total])).toEqual([
      ["2026-03-01", 25n],
      ["2026-03-02", 0n],
      ["2026-03-03", 7n],
    ]);
    expect(r[0].byAccount).toEqual({ [s.id]: 25n });
    const m = await spendReport(db, team.id, { from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z"), granularity: "month" });
    expect(m.map((p) => [p.period, p.total])).toEqual([
      ["2026-02-01", 0n],
      ["2026-03-01", 32n],
    ]);
    const credit = await listTransfers(db, team.id, { kinds: ["credit_transfer"] });
    expect(credit.items.map((t) => [t.accountId, t.counterpartyId, t.amount])).toEqual([[team.primaryAccountId, s.id, 200n]]);
    const topUps = await listTransfers(db, team.id, { kinds: ["top_up"] });
    expect(topUps.items.map((t) => t.amount)).toEqual([1_000n]);
  });
});
