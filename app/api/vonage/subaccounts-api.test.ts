// The Vonage-compatible dialect through the unmodified @vonage/subaccounts SDK: auth, shapes, refusals,
// exact decimal conversions, report filters and number transfers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { SubAccounts, type SubAccountModifyParameters } from "@vonage/subaccounts";
import { getAccount } from "@/lib/accounts/get-account";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { addNumber } from "@/lib/numbers/add-number";
import { listNumbers } from "@/lib/numbers/list-numbers";
import { makeTeam } from "@/lib/testing/fixtures";
import { topUp } from "@/lib/transfers/transfer";

const { handle, server } = setupTestServer();

const sdk = (apiKey: string, apiSecret: string) => new SubAccounts({ apiKey, apiSecret }, { apiHost: `${server.origin}/api/vonage` });
const basic = (k: string, s: string) => `Basic ${Buffer.from(`${k}:${s}`).toString("base64")}`;
const startDate = () => new Date(Date.now() - 60_000).toISOString();
const ownBalance = { usePrimaryAccountBalance: false } as SubAccountModifyParameters;

// What the SDK throws on a non-2xx answer carries the response: its status, content type and problem body.
async function refused(p: Promise<unknown>) {
  const e = await p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (err: { response?: Response }) => err,
  );
  const res = e.response!;
  return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as Record<string, unknown> };
}

async function setup(opts: { currency?: string; creditLimit?: bigint } = {}) {
  const { db } = await handle;
  const t = await makeTeam(db, { currency: opts.currency, creditLimit: opts.creditLimit ?? 10000n });
  return { db, ...t, client: sdk(t.primaryId, t.primaryKey) };
}

describe("authentication", () => {
  it("answers 401 problem+json for a wrong secret or none", async () => {
    const { primaryId } = await setup();
    const r = await refused(sdk(primaryId, "Wrong-secret-1").listSubAccounts());
    expect(r).toEqual({
      status: 401,
      type: "application/problem+json",
      body: expect.objectContaining({
        type: "https://developer.vonage.com/api-errors#unauthorized",
        title: "Invalid credentials supplied",
        detail: "You did not provide correct credentials.",
        instance: `/api/vonage/accounts/${primaryId}/subaccounts`,
        status: 401,
      }),
    });
    const none = await fetch(`${server.origin}/api/vonage/accounts/${primaryId}/subaccounts`);
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 403 when sub-account credentials act as a primary, or credentials do not match the path", async () => {
    const { client, primaryId, primaryKey } = await setup();
    const other = await setup();
    const sub = await client.createSubAccount({ name: "Customer", secret: "Customer-secret-9" });
    // the sub-account's own credentials are valid (not 401) but cannot manage subaccounts
    const asSub = await refused(sdk(sub.apiKey, "Customer-secret-9").listSubAccounts());
    expect(asSub.status).toBe(403);
    expect(asSub.body).toMatchObject({ type: "https://developer.vonage.com/api-errors#forbidden", title: "Forbidden" });
    const subOnPrimaryPath = await fetch(`${server.origin}/api/vonage/accounts/${primaryId}/subaccounts`, { headers: { authorization: basic(sub.apiKey, "Customer-secret-9") } });
    expect(subOnPrimaryPath.status).toBe(403);
    const otherPath = await fetch(`${server.origin}/api/vonage/accounts/${other.primaryId}/subaccounts`, { headers: { authorization: basic(primaryId, primaryKey) } });
    expect(otherPath.status).toBe(403);
    expect(await otherPath.json()).toMatchObject({ detail: `The credentials are not those of account ${other.primaryId}` });
  });
});

describe("sub-accounts", () => {
  it("creates with a chosen secret that then authenticates, or shows a generated one once", async () => {
    const { db, team, client, primaryId } = await setup();

    const chosen = await client.createSubAccount({ name: "Chosen", secret: "Abcdefg1" });
    expect(Object.keys(chosen)).toEqual(["apiKey", "secret", "primaryAccountApiKey", "usePrimaryAccountBalance", "name", "balance", "creditLimit", "suspended", "createdAt"]);
    expect(chosen).toMatchObject({ secret: "Abcdefg1", primaryAccountApiKey: primaryId, usePrimaryAccountBalance: true, name: "Chosen", balance: null, creditLimit: null, suspended: false });
    expect(new Date(chosen.createdAt).toISOString()).toBe(chosen.createdAt);
    expect((await refused(sdk(chosen.apiKey, "Abcdefg1").listSubAccounts())).status).toBe(403);

    const generated = await client.createSubAccount({ name: "Generated", usePrimaryAccountBalance: false });
    const secret = (generated as typeof generated & { secret: string }).secret;
    expect(secret).toMatch(/^sl_live_/);
    expect(generated).toMatchObject({ usePrimaryAccountBalance: false, balance: 0, creditLimit: 0 });
    expect((await refused(sdk(generated.apiKey, secret).listSubAccounts())).status).toBe(403);
    const fetched = await client.getSubAccount(generated.apiKey);
    expect(fetched).not.toHaveProperty("secret");
    expect((await getAccount(db, team.id, generated.apiKey)).balanceMode).toBe("own");
  });

  it("refuses secrets that break Vonage's rule, naming the parameter", async () => {
    const { client } = await setup();
    for (const [secret, reason] of [
      ["Short1a", "must be 8 to 25 characters"],
      ["Abcdefghijklmnopqrstuvwxy1", "must be 8 to 25 characters"],
      ["ABCDEFG1", "must contain a lower-case letter"],
      ["abcdefg1", "must contain an upper-case letter"],
      ["Abcdefgh", "must contain a digit"],
    ]) {
      const r = await refused(client.createSubAccount({ name: "Bad", secret }));
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ type: "https://developer.vonage.com/api-errors/subaccounts#validation", invalid_parameters: [{ name: "secret", reason }] });
    }
    expect(await client.listSubAccounts()).toEqual([]);
  });

  it("switches shared → own but never back, suspends, restores and renames", async () => {
    const { client, primaryId } = await setup();
    const s = await client.createSubAccount({ name: "S" });
    const own = await client.updateSubAccount(s.apiKey, ownBalance);
    expect(own).toMatchObject({ usePrimaryAccountBalance: false, balance: 0, creditLimit: 0 });
    const back = await refused(client.updateSubAccount(s.apiKey, { usePrimaryAccountBalance: true } as SubAccountModifyParameters));
    expect(back.status).toBe(422);
    expect(back.body).toMatchObject({ invalid_parameters: [{ name: "use_primary_account_balance", reason: expect.stringContaining("only go from true to false") }] });
    expect(await client.updateSubAccount(s.apiKey, { suspended: true, name: "Renamed" })).toMatchObject({ suspended: true, name: "Renamed" });
    expect(await client.updateSubAccount(s.apiKey, { suspended: false })).toMatchObject({ suspended: false, name: "Renamed" });
    const unknownField = await refused(client.updateSubAccount(s.apiKey, { colour: "red" } as unknown as SubAccountModifyParameters));
    expect(unknownField.status).toBe(422);
    expect((await client.getPrimaryAccount()).apiKey).toBe(primaryId);
  });

  it("answers 404 for a sub-account that is unknown or another team's", async () => {
    const { client } = await setup();
    const other = await setup();
    const theirs = await other.client.createSubAccount({ name: "Theirs" });
    for (const id of ["nope", theirs.apiKey]) {
      const r = await refused(client.getSubAccount(id));
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ type: "https://developer.vonage.com/api-errors#not-found", detail: "Sub-account not found" });
      expect((await refused(client.updateSubAccount(id, { name: "x" }))).status).toBe(404);
    }
  });
});

describe("transfers", () => {
  it("refuses what the money model refuses, with Vonage's statuses", async () => {
    const { client, primaryId } = await setup();
    const shared = await client.createSubAccount({ name: "Shared" });
    const own = await client.createSubAccount({ name: "Own", usePrimaryAccountBalance: false });
    const own2 = await client.createSubAccount({ name: "Own 2", usePrimaryAccountBalance: false });

    const toShared = await refused(client.transferCredit({ from: primaryId, to: shared.apiKey, amount: "10" }));
    expect(toShared).toMatchObject({ status: 403, type: "application/problem+json", body: { type: "https://developer.vonage.com/api-errors/subaccounts#invalid-transfers", title: "Invalid Transfer" } });
    const tooMuch = await refused(client.transferBalance({ from: primaryId, to: own.apiKey, amount: 100.01 }));
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body.detail).toBe(`Transfer of 100.01 refused: ${primaryId} has 100 available to transfer`);
    const subToSub = await refused(client.transferCredit({ from: own.apiKey, to: own2.apiKey, amount: "1" }));
    expect(subToSub).toMatchObject({ status: 422, body: { invalid_parameters: [{ name: "to", reason: "transfers move between the primary account and one of its sub-accounts" }] } });
    expect((await refused(client.transferCredit({ from: primaryId, to: "nope", amount: "1" }))).status).toBe(404);
    for (const amount of ["0", "-5", "abc", "1e3", ""]) {
      const r = await refused(client.transferCredit({ from: primaryId, to: own.apiKey, amount }));
      expect(r.status, amount).toBe(422);
      expect((r.body.invalid_parameters as { name: string }[])[0].name).toBe("amount");
    }
    const threeDecimals = await refused(client.transferCredit({ from: primaryId, to: own.apiKey, amount: "12.345" }));
    expect(threeDecimals.body).toMatchObject({ status: 422, detail: "amount: USD has 2 decimal places; 12.345 has more" });
    expect((await refused(client.transferBalance({ from: primaryId, to: own.apiKey, amount: 0.001 }))).status).toBe(422);
    // nothing moved
    expect(await client.listCreditTransfers({ startDate: startDate() })).toEqual([]);
    expect((await client.getPrimaryAccount()).creditLimit).toBe(-100);
  });

  it("converts amounts exactly: 0.01 and a numeric string round-trip, trailing zeros are no extra precision", async () => {
    const { db, team, client, primaryId } = await setup();
    await topUp(db, team.id, { amount: 1n });
    const s = await client.createSubAccount({ name: "S", usePrimaryAccountBalance: false });
    const cent = await client.transferBalance({ from: primaryId, to: s.apiKey, amount: 0.01 });
    expect(cent).toMatchObject({ amount: 0.01, from: primaryId, to: s.apiKey, reference: "" });
    expect(cent.balanceTransferId).toMatch(/^\d+$/);
    expect((await getAccount(db, team.id, s.apiKey)).balance).toBe(1n);
    expect(await client.getSubAccount(s.apiKey)).toMatchObject({ balance: 0.01, creditLimit: 0 });
    const credit = await client.transferCredit({ from: primaryId, to: s.apiKey, amount: "30", reference: "r" });
    expect(credit).toMatchObject({ amount: 30, reference: "r", creditTransferId: credit.creditTransferId });
    await client.transferCredit({ from: primaryId, to: s.apiKey, amount: "12.50" });
    await client.transferCredit({ from: primaryId, to: s.apiKey, amount: 0.1 as unknown as string });
    expect((await getAccount(db, team.id, s.apiKey)).creditLimit).toBe(4260n);
    const page = await client.getSubAccountPage();
    expect([page.total_balance, page.total_credit_limit]).toEqual([0.01, -100]);
    expect(page._embedded.primary_account).toMatchObject({ balance: 0, credit_limit: -57.4 });
  });

  it("keeps the largest amounts exact on the wire (90071992547409.91)", async () => {
    const { db, team, client, primaryId, primaryKey } = await setup({ creditLimit: 9007199254740991n });
    const s = await client.createSubAccount({ name: "Big", usePrimaryAccountBalance: false });
    const res = await fetch(`${server.origin}/api/vonage/accounts/${primaryId}/credit-transfers`, {
      method: "POST",
      headers: { authorization: basic(primaryId, primaryKey), "content-type": "application/json" },
      body: JSON.stringify({ from: primaryId, to: s.apiKey, amount: "90071992547409.91" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.text()).toContain(`"amount":90071992547409.91,`);
    expect((await getAccount(db, team.id, s.apiKey)).creditLimit).toBe(9007199254740991n);
    const list = await fetch(`${server.origin}/api/vonage/accounts/${primaryId}/subaccounts`, { headers: { authorization: basic(primaryId, primaryKey) } });
    const text = await list.text();
    expect(text).toContain(`"total_credit_limit":-90071992547409.91,`);
    expect(text).toContain(`"credit_limit":-90071992547409.91,`);
    expect(text).toContain(`"credit_limit":0,`);
    expect((await client.getSubAccount(s.apiKey)).creditLimit).toBe(-90071992547409.91);
    const tooBig = await refused(client.transferCredit({ from: s.apiKey, to: primaryId, amount: "90071992547409.92" }));
    expect(tooBig.body).toMatchObject({ status: 422, invalid_parameters: [{ name: "amount", reason: "is too large" }] });
  });

  it("uses the currency's own digits: JPY has none", async () => {
    const { db, team, client, primaryId } = await setup({ currency: "JPY", creditLimit: 1000n });
    const s = await client.createSubAccount({ name: "Tokyo", usePrimaryAccountBalance: false });
    expect(await client.transferCredit({ from: primaryId, to: s.apiKey, amount: "500" })).toMatchObject({ amount: 500 });
    expect((await getAccount(db, team.id, s.apiKey)).creditLimit).toBe(500n);
    const half = await refused(client.transferCredit({ from: primaryId, to: s.apiKey, amount: "0.5" }));
    expect(half.body).toMatchObject({ status: 422, detail: "amount: JPY has no minor unit; send a whole amount" });
    expect(await client.getSubAccount(s.apiKey)).toMatchObject({ balance: 0, creditLimit: -500 });
  });
});

describe("transfer reports", () => {
  it("filters by dates and by sub-account, read as `subaccount` or `sub`", async () => {
    const { db, team, client, primaryId, primaryKey } = await setup();
    await topUp(db, team.id, { amount: 5000n });
    const a = await client.createSubAccount({ name: "A", usePrimaryAccountBalance: false });
    const b = await client.createSubAccount({ name: "B", usePrimaryAccountBalance: false });
    await client.transferCredit({ from: primaryId, to: a.apiKey, amount: "10" });
    await client.transferCredit({ from: primaryId, to: b.apiKey, amount: "20" });
    await client.transferBalance({ from: primaryId, to: a.apiKey, amount: 1.5 });
    await client.transferBalance({ from: primaryId, to: b.apiKey, amount: 2.5 });
    await client.transferBalance({ from: b.apiKey, to: primaryId, amount: 0.5 });
    const amounts = (xs: { amount: number | string }[]) => xs.map((x) => Number(x.amount));

    expect(amounts(await client.listCreditTransfers({ startDate: startDate() }))).toEqual([10, 20]);
    expect(amounts(await client.listCreditTransfers({ startDate: startDate(), sub: b.apiKey }))).toEqual([20]);
    expect(amounts(await client.listBalanceTransfers({ startDate: startDate(), subaccount: b.apiKey }))).toEqual([2.5, 0.5]);
    expect(amounts(await client.listBalanceTransfers({ startDate: startDate(), subaccount: a.apiKey }))).toEqual([1.5]);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await client.listBalanceTransfers({ startDate: future })).toEqual([]);
    expect(await client.listBalanceTransfers({ startDate: startDate(), endDate: startDate() })).toEqual([]);

    const get = (q: string) => fetch(`${server.origin}/api/vonage/accounts/${primaryId}/credit-transfers?${q}`, { headers: { authorization: basic(primaryId, primaryKey) } });
    const bySubaccount = (await (await get(`start_date=${encodeURIComponent(startDate())}&subaccount=${a.apiKey}`)).json()) as { _embedded: { credit_transfers: Record<string, unknown>[] } };
    expect(bySubaccount._embedded.credit_transfers).toEqual([
      { credit_transfer_id: expect.any(String), id: expect.any(String), amount: 10, from: primaryId, to: a.apiKey, reference: "", created_at: expect.any(String) },
    ]);
    const missing = await get("");
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ invalid_parameters: [{ name: "start_date" }] });
    const conflicting = await get(`start_date=2024-01-01&sub=${a.apiKey}&subaccount=${b.apiKey}`);
    expect(conflicting.status).toBe(422);
    expect((await get("start_date=yesterday")).status).toBe(422);
  });
});

describe("number transfers and unrouted paths", () => {
  it("moves a number between the primary and a sub-account", async () => {
    const { db, team, client, primaryId } = await setup();
    const s = await client.createSubAccount({ name: "S" });
    await addNumber(db, team.id, { number: "447700900001", country: "GB" });
    expect(await client.transferNumber({ from: primaryId, to: s.apiKey, number: "447700900001", country: "GB" })).toEqual({
      number: "447700900001",
      country: "GB",
      from: primaryId,
      to: s.apiKey,
    });
    expect((await listNumbers(db, team.id, { accountId: s.apiKey })).items.map((n) => n.number)).toEqual(["447700900001"]);
    const notHeld = await refused(client.transferNumber({ from: primaryId, to: s.apiKey, number: "447700900001", country: "GB" }));
    expect(notHeld.body).toMatchObject({ status: 422, invalid_parameters: [{ name: "from", reason: "does not hold number 447700900001 (GB)" }] });
    const same = await refused(client.transferNumber({ from: s.apiKey, to: s.apiKey, number: "447700900001", country: "GB" }));
    expect(same.body).toMatchObject({ status: 409, type: "https://developer.vonage.com/api-errors/subaccounts#transfer-conflict" });
    expect((await refused(client.transferNumber({ from: s.apiKey, to: primaryId, number: "447700900009", country: "GB" }))).status).toBe(404);
    expect((await refused(client.transferNumber({ from: s.apiKey, to: primaryId, number: "44-77", country: "GB" }))).status).toBe(422);
    await client.transferNumber({ from: s.apiKey, to: primaryId, number: "447700900001", country: "gb" });
    expect((await listNumbers(db, team.id, { accountId: primaryId })).items.map((n) => n.number)).toEqual(["447700900001"]);
  });

  it("answers unrouted /api/vonage paths with a problem+json 404", async () => {
    const { primaryId } = await setup();
    for (const path of [`/api/vonage/accounts/${primaryId}/nothing`, "/api/vonage/v2/whatever", `/api/vonage/accounts/${primaryId}/subaccounts/x/y`]) {
      const res = await fetch(`${server.origin}${path}`, { method: "POST" });
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ type: "https://developer.vonage.com/api-errors#not-found", title: "Not Found", instance: path });
    }
  });
});

// creating a sub-account directly (domain) still lists through the SDK with the right shape
describe("listing", () => {
  it("totals only the primary and own-balance sub-accounts", async () => {
    const { db, team, client, primaryId } = await setup();
    await topUp(db, team.id, { amount: 1234n });
    await createSubAccount(db, team.id, { name: "Own", balanceMode: "own", creditLimit: 2500 });
    await createSubAccount(db, team.id, { name: "Shared", creditLimit: 700 });
    const page = await client.getSubAccountPage();
    expect([page.total_balance, page.total_credit_limit]).toEqual([12.34, -100]);
    expect(page._embedded.primary_account).toMatchObject({ api_key: primaryId, balance: 12.34, credit_limit: -75, suspended: false });
    expect(page._embedded.subaccounts.map((s) => [s.name, s.balance, s.credit_limit, s.use_primary_account_balance])).toEqual([
      ["Own", 0, -25, false],
      ["Shared", null, null, true],
    ]);
  });
});
