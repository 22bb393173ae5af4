// Property-based fuzzing of every endpoint's body, query and headers: wrong types, huge and fractional
// amounts, unicode and control characters, oversized bodies, bad JSON. Never a 5xx, every error a problem+json,
// and never a partial write: the ledger holds exactly the movements the 2xx answers announced.
import fc from "fast-check";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { testDriver } from "@/db/testing";
import { resetAuthFailures } from "@/lib/api/auth-rate-limit";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { makeTeam } from "@/lib/testing/fixtures";

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? (testDriver === "postgres" ? 100_000 : 4_000));
const { handle, server } = setupTestServer();

const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "\u202e", "💸", "../..", "%2e%2e", "null", "NaN", "-0", "1e309", "<script>", "' or 1=1 --", "\\", "a".repeat(300)),
);
const amountish = fc.oneof(
  fc.integer({ min: -5, max: 500 }),
  fc.double(),
  fc.constantFrom(0, -1, 0.5, 1e21, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e308, -0),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.constantFrom("12.345", "30", "0.01", "1,5", "  7 ", "0x10", "1e3"),
  nasty,
  fc.constantFrom(null, true, false, [], {}),
);
const jsonish: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty, amountish);

type Fx = { primary: string; s1: string; s2: string; key: string; subKey: string };
const fieldNames = ["amount", "name", "externalId", "creditLimit", "metadata", "status", "subAccountId", "description", "type", "from", "to", "reference", "idempotencyKey", "balanceMode", "suspended", "url", "events", "active", "number", "country", "secret", "use_primary_account_balance", "credit_limit", "environment"];

// plausible bodies for the routes that move money: the right fields, mostly valid values, some hostile ones
function moneyBodyArb(fx: Fx, path: string): fc.Arbitrary<string> | null {
  const sometimes = <T,>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: bad });
  const amount = sometimes(fc.integer({ min: 1, max: 3000 }), amountish);
  if (path.startsWith("/api/v1/charges"))
    return fc
      .record({ amount, subAccountId: sometimes(fc.constantFrom(fx.s1, fx.s2), nasty), description: fc.string({ maxLength: 20 }), idempotencyKey: sometimes(fc.constantFrom("a", "b", "c"), nasty) }, { requiredKeys: ["amount"] })
      .map((o) => JSON.stringify(o));
  if (path.startsWith("/api/v1/top-ups")) return fc.record({ amount, reference: fc.string({ maxLength: 20 }) }, { requiredKeys: ["amount"] }).map((o) => JSON.stringify(o));
  const ends = fc.constantFrom([fx.primary, fx.s1], [fx.s1, fx.primary], ["primary", fx.s1]);
  if (path.startsWith("/api/v1/transfers"))
    return fc
      .tuple(ends, sometimes(fc.constantFrom("credit", "balance"), nasty), amount)
      .map(([[from, to], type, a]) => JSON.stringify({ type, from, to, amount: a }));
  if (path.includes("-transfers") && path.startsWith("/api/vonage"))
    return fc
      .tuple(ends, sometimes(fc.integer({ min: 1, max: 3000 }).map((c) => (c / 100).toFixed(2)), amountish))
      .map(([[from, to], a]) => JSON.stringify({ from: from === "primary" ? fx.primary : from, to, amount: a }));
  return null;
}

function bodyArb(fx: Fx) {
  const id = fc.oneof(fc.constantFrom(fx.primary, fx.s1, fx.s2, "primary"), nasty);
  const field = fc.constantFrom(...fieldNames);
  const value = fc.oneof(jsonish, id, amountish);
  return fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(field, value, { maxKeys: 6 }).map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: jsonish.map((v) => JSON.stringify(v) ?? "null") },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
    { weight: 1, arbitrary: fc.constant(`{"name":"${"x".repeat(70 * 1024)}"}`) },
  );
}

function pathArb(fx: Fx) {
  const id = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(fx.s1, fx.s2, fx.primary) }, { weight: 1, arbitrary: nasty.map((s) => encodeURIComponent(s).replace(/^\.+$/, "x") || "x") });
  const q = fc.dictionary(fc.constantFrom("limit", "cursor", "from", "to", "subAccountId", "type", "granularity", "start_date", "end_date", "subaccount", "sub"), fc.oneof(nasty, fc.integer().map(String)), { maxKeys: 4 });
  return fc.tuple(
    fc.constantFrom(
      ["GET", "/v1/balance"],
      ["GET", "/v1/sub-accounts"],
      ["POST", "/v1/sub-accounts"],
      ["GET", "/v1/sub-accounts/:id"],
      ["PATCH", "/v1/sub-accounts/:id"],
      ["DELETE", "/v1/sub-accounts/:id"],
      ["GET", "/v1/sub-accounts/:id/balance"],
      ["GET", "/v1/sub-accounts/:id/api-keys"],
      ["POST", "/v1/sub-accounts/:id/api-keys"],
      ["DELETE", "/v1/sub-accounts/:id/api-keys/:id"],
      ["GET", "/v1/api-keys"],
      ["POST", "/v1/charges"],
      ["POST", "/v1/charges"],
      ["POST", "/v1/charges"],
      ["GET", "/v1/charges"],
      ["POST", "/v1/top-ups"],
      ["POST", "/v1/transfers"],
      ["POST", "/v1/transfers"],
      ["GET", "/v1/transfers"],
      ["GET", "/v1/reports/spend"],
      ["GET", "/v1/numbers"],
      ["POST", "/v1/numbers"],
      ["GET", "/v1/events"],
      ["POST", "/v1/webhooks"],
      ["GET", "/vonage/accounts/:primary/subaccounts"],
      ["POST", "/vonage/accounts/:primary/subaccounts"],
      ["PATCH", "/vonage/accounts/:primary/subaccounts/:id"],
      ["POST", "/vonage/accounts/:primary/credit-transfers"],
      ["GET", "/vonage/accounts/:primary/credit-transfers"],
      ["POST", "/vonage/accounts/:primary/balance-transfers"],
      ["POST", "/vonage/accounts/:primary/transfer-number"],
    ),
    id,
    q,
  ).map(([[method, p], idv, query]) => {
    const qs = new URLSearchParams(query).toString();
    return { method, path: `/api${p.replace(":primary", fx.primary).replace(/:id/g, idv)}${qs ? `?${qs}` : ""}` };
  });
}

function headersArb(fx: Fx) {
  return fc.record({
    auth: fc.oneof({ weight: 8, arbitrary: fc.constant("primary") }, { weight: 1, arbitrary: fc.constant("sub") }, { weight: 1, arbitrary: nasty }),
    contentType: fc.oneof({ weight: 6, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "", "application/json; charset=utf-16") }),
    idem: fc.option(fc.oneof(fc.constantFrom("k1", "k2", "k3"), fc.string({ maxLength: 300 }).filter((s) => /^[\x20-\x7e]*$/.test(s))), { nil: undefined }),
  }).map((h) => {
    const out: Record<string, string> = {};
    if (h.auth === "primary") out.authorization = `Bearer ${fx.key}`;
    else if (h.auth === "sub") out.authorization = `Bearer ${fx.subKey}`;
    else if (/^[\x20-\x7e]*$/.test(h.auth)) out.authorization = `Bearer ${h.auth}`;
    if (h.contentType) out["content-type"] = h.contentType;
    if (h.idem !== undefined && h.idem !== "") out["idempotency-key"] = h.idem;
    return out;
  });
}

describe("hostile input", () => {
  it(`answers ${REQUESTS} generated requests without a 5xx, and writes exactly what it acknowledged`, async () => {
    const { db } = await handle;
    const { team, primaryId, primaryKey } = await makeTeam(db, { balance: 1_000_000n, creditLimit: 100_000n });
    const s1 = await createSubAccount(db, team.id, { name: "own", balanceMode: "own", creditLimit: 50_000 });
    const s2 = await createSubAccount(db, team.id, { name: "shared", creditLimit: 80_000 });
    const fx: Fx = { primary: primaryId, s1: s1.account.id, s2: s2.account.id, key: primaryKey, subKey: s1.apiKey!.key };
    const vonageAuth = `Basic ${Buffer.from(`${primaryId}:${primaryKey}`).toString("base64")}`;
    const created = { charge: new Set<string>(), top_up: new Set<string>(), credit: new Set<string>(), balance: new Set<string>() };
    const failures: string[] = [];
    const request = pathArb(fx).chain((p) => {
      const plausible = moneyBodyArb(fx, p.path);
      const body = plausible ? fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: bodyArb(fx) }) : bodyArb(fx);
      return fc.tuple(fc.constant(p), body, headersArb(fx));
    });
    const sample = fc.sample(request, { numRuns: REQUESTS, seed: Number(process.env.FUZZ_SEED ?? 7031) });
    const BATCH = 16;
    for (let i = 0; i < sample.length; i += BATCH) {
      resetAuthFailures();
      await Promise.all(
        sample.slice(i, i + BATCH).map(async ([{ method, path }, body, headers]) => {
          const h = { ...headers };
          if (path.startsWith("/api/vonage") && h.authorization === `Bearer ${fx.key}`) h.authorization = vonageAuth;
          const res = await fetch(`${server.origin}${path}`, { method, headers: h, body: method === "GET" ? undefined : body });
          const text = await res.text();
          const type = res.headers.get("content-type");
          const what = `${method} ${path} ${JSON.stringify(h)} ${body.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
          if (res.status >= 500) return failures.push(`5xx: ${what}`);
          if (res.status >= 400 && type !== "application/problem+json") return failures.push(`not problem+json: ${what}`);
          if (res.status < 300 && res.status !== 204 && !type?.startsWith("application/json")) return failures.push(`not json: ${what}`);
          let parsed: Record<string, any> | null = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            return failures.push(`unparseable: ${what}`);
          }
          if (res.status >= 200 && res.status < 300 && method === "POST" && parsed) {
            if (path.startsWith("/api/v1/charges")) created.charge.add(parsed.charge.id);
            else if (path.startsWith("/api/v1/top-ups")) created.top_up.add(parsed.topUp.id);
            else if (path.startsWith("/api/v1/transfers")) created[parsed.transfer.type as "credit" | "balance"].add(parsed.transfer.id);
            else if (path.includes("/credit-transfers")) created.credit.add(String(parsed.credit_transfer_id ?? parsed.id));
            else if (path.includes("/balance-transfers")) created.balance.add(String(parsed.balance_transfer_id ?? parsed.id));
          }
        }),
      );
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // what the database holds is exactly what 2xx answers announced (creating own-balance accounts and
    // limit edits move credit too, so credit transfers are compared as a lower bound on acknowledged ids)
    const rows = await queryRows<{ kind: string; n: number }>(db, sql`select kind, count(*)::int as n from ledger_transactions where team_id = ${team.id} group by kind`);
    const count = (k: string) => rows.find((x) => x.kind === k)?.n ?? 0;
    expect(count("charge")).toBe(created.charge.size);
    expect(count("top_up")).toBe(created.top_up.size + 1);
    console.log(`hostile input: ${REQUESTS} requests; 2xx implied ${created.charge.size} charges, ${created.top_up.size} top-ups, ${created.balance.size} balance and ${created.credit.size} credit transfers`);
  }, 3_600_000);
});
