import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setupTestDb } from "@/db/testing";
import { accounts, memberships } from "@/db/schema";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { chargeAccount } from "@/lib/charges/charge-account";
import { createApiKey } from "@/lib/keys/create-api-key";
import { addNumber } from "@/lib/numbers/add-number";
import { makeTeam } from "@/lib/testing/fixtures";
import { acceptInvite, findOpenInvite } from "@/lib/users/accept-invite";
import { customerChargesCsv, customerChargesRange, listCustomerCharges } from "./customer-charges";
import { createCustomerKey, listCustomerKeys, revokeCustomerKey } from "./customer-keys";
import { inviteCustomer } from "./invite-customer";
import { loadPortalBranding, loadPortalOverview } from "./load-portal-overview";
import { updatePortalBranding } from "./update-portal-branding";

const handle = setupTestDb();
const admin = { kind: "user" as const, id: "usr_admin", label: "admin@p.test" };

async function world() {
  const { db } = await handle;
  const { team, primaryId } = await makeTeam(db, { balance: 100_000n, creditLimit: 50_000n });
  const { account: shared } = await createSubAccount(db, team.id, { name: "Shared Co", creditLimit: 10_000 });
  const { account: own } = await createSubAccount(db, team.id, { name: "Own Co", balanceMode: "own", creditLimit: 5_000 });
  return { db, team, primaryId, shared, own };
}

describe("customer portal", () => {
  it("an invite link makes a customer bound to that one sub-account, once", async () => {
    const { db, team, shared } = await world();
    const { token, path } = await inviteCustomer(db, team.id, shared.id, admin);
    expect(path).toBe(`/portal/join/${token}`);
    expect((await findOpenInvite(db, token))?.invite).toMatchObject({ role: "customer", accountId: shared.id });
    const { user } = await acceptInvite(db, token, { email: "Customer@Shared.test", password: "long-enough-1" });
    const [m] = await db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(m).toMatchObject({ teamId: team.id, role: "customer", accountId: shared.id });
    await expect(acceptInvite(db, token, { email: "again@shared.test", password: "long-enough-1" })).rejects.toThrow(/not found/);
  });

  it("refuses to invite to another team's sub-account or the primary", async () => {
    const { db, team, primaryId } = await world();
    const other = await world();
    await expect(inviteCustomer(db, team.id, other.shared.id, admin)).rejects.toThrow(/not found/);
    await expect(inviteCustomer(db, team.id, primaryId, admin)).rejects.toThrow(/not found/);
  });

  it("shows a shared sub-account as team-funded without the primary's balance; an own one with its money", async () => {
    const { db, team, shared, own } = await world();
    const now = new Date();
    await chargeAccount(db, team.id, { accountId: shared.id, amount: 2_500n });
    await chargeAccount(db, team.id, { accountId: own.id, amount: 1_000n });
    await addNumber(db, team.id, { number: "14155550101", country: "US", accountId: shared.id });
    await addNumber(db, team.id, { number: "14155550102", country: "US", accountId: own.id });
    const s = await loadPortalOverview(db, { teamId: team.id, accountId: shared.id }, { now });
    expect(s).toMatchObject({ teamFunded: true, balance: null, creditLimit: 10_000n, totalSpent: 2_500n, remaining: 7_500n, usePercent: 25 });
    expect(s.numbers.map((n) => n.number)).toEqual(["14155550101"]);
    expect(s.spendByDay).toHaveLength(30);
    expect(s.spendByDay.at(-1)).toEqual({ period: now.toISOString().slice(0, 10), amount: 2_500n });
    expect(JSON.stringify(s, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain("100000");
    const o = await loadPortalOverview(db, { teamId: team.id, accountId: own.id }, { now });
    expect(o).toMatchObject({ teamFunded: false, balance: -1_000n, creditLimit: 5_000n, remaining: 4_000n, usePercent: 20 });
    expect(o.numbers.map((n) => n.number)).toEqual(["14155550102"]);
  });

  it("lists and exports only the customer's charges, filtered by date, as exact CSV", async () => {
    const { db, team, shared, own } = await world();
    await chargeAccount(db, team.id, { accountId: shared.id, amount: 1_234n, description: 'SMS, "bulk"' });
    await chargeAccount(db, team.id, { accountId: own.id, amount: 999n, description: "not theirs" });
    const scope = { teamId: team.id, accountId: shared.id };
    const page = await listCustomerCharges(db, scope, {});
    expect(page.items.map((c) => c.amount)).toEqual([1_234n]);
    const csv = await customerChargesCsv(db, scope, "USD", {});
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("id,created_at,description,amount,currency");
    expect(lines[1]).toMatch(/^\d+,\d{4}-\d\d-\d\dT[^,]+,"SMS, ""bulk""",12\.34,USD$/);
    expect(lines).toHaveLength(2);
    const range = customerChargesRange({ from: "2020-01-01", to: "2020-01-31" });
    expect(range).toEqual({ ok: true, value: { from: new Date("2020-01-01T00:00:00Z"), to: new Date("2020-02-01T00:00:00Z") } });
    expect((await listCustomerCharges(db, scope, range.ok ? range.value : {})).items).toEqual([]);
    expect(customerChargesRange({ from: "2020-02-01", to: "2020-01-01" })).toEqual({ ok: false, error: "Start date must not be after the end date" });
    expect(customerChargesRange({ from: "yesterday" }).ok).toBe(false);
  });

  it("customers create and revoke their own keys only, and only when the partner allows it", async () => {
    const { db, team, shared, own } = await world();
    const scope = { teamId: team.id, accountId: shared.id };
    const actor = { kind: "user" as const, id: "usr_c" };
    const key = await createCustomerKey(db, scope, { name: "My server" }, actor);
    expect(key.key).toMatch(/^sl_live_/);
    expect((await listCustomerKeys(db, scope)).map((k) => k.name).sort()).toEqual(["Default", "My server"]);
    const theirs = await createApiKey(db, team.id, own.id, { name: "Own's key" });
    await expect(revokeCustomerKey(db, scope, theirs.id, actor)).rejects.toThrow(/not found/);
    expect((await revokeCustomerKey(db, scope, key.id, actor)).revokedAt).toBeInstanceOf(Date);
    await expect(createCustomerKey(db, scope, { name: "" }, actor)).rejects.toThrow(/name/);
    await db.update(accounts).set({ customerKeysAllowed: false }).where(eq(accounts.id, shared.id));
    await expect(createCustomerKey(db, scope, { name: "Another" }, actor)).rejects.toThrow(/manages/);
  });

  it("branding: a name and a strict #rrggbb accent, with defaults", async () => {
    const { db, team } = await world();
    expect(await loadPortalBranding(db, team.id)).toEqual({ title: "Acme customer portal", accent: "#4f46e5", currency: "USD", portalName: null, portalAccent: null });
    await updatePortalBranding(db, team.id, { portalName: "Northwind Cloud", portalAccent: "#0F766E" });
    expect(await loadPortalBranding(db, team.id)).toEqual({ title: "Northwind Cloud", accent: "#0f766e", currency: "USD", portalName: "Northwind Cloud", portalAccent: "#0f766e" });
    await expect(updatePortalBranding(db, team.id, { portalAccent: "red; background:url(x)" })).rejects.toThrow(/colour/);
  });
});
