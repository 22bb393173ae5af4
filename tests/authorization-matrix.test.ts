// Every API route × every kind of caller → the expected status, from one table. The table must name every
// method of every route file, so a new route cannot be forgotten.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { routeFiles } from "@/lib/api/testing";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { createApiKey } from "@/lib/keys/create-api-key";
import { revokeApiKey } from "@/lib/keys/revoke-api-key";
import { transferCredit } from "@/lib/transfers/transfer";
import { makeTeam } from "@/lib/testing/fixtures";
import { addNumber } from "@/lib/numbers/add-number";
import { resetAuthFailures } from "@/lib/api/auth-rate-limit";
import { HTTP_METHODS, servedMethods } from "@/lib/api/problem";

const { handle, server } = setupTestServer();

type Fx = Awaited<ReturnType<typeof fixture>>;
async function fixture() {
  const { db } = await handle;
  const home = await makeTeam(db, { balance: 100_000n, creditLimit: 50_000n });
  const other = await makeTeam(db, { name: "Other" });
  const s1 = await createSubAccount(db, home.team.id, { name: "S1", balanceMode: "own", creditLimit: 5_000 });
  const s2 = await createSubAccount(db, home.team.id, { name: "S2" });
  const extraKey = await createApiKey(db, home.team.id, s1.account.id, { name: "extra" });
  const primaryExtra = await createApiKey(db, home.team.id, home.primaryId, { name: "extra" });
  const revoked = await createApiKey(db, home.team.id, home.primaryId, { name: "old" });
  await revokeApiKey(db, home.team.id, home.primaryId, revoked.id);
  const number = await addNumber(db, home.team.id, { number: "15550001", country: "US", accountId: s1.account.id });
  await transferCredit(db, home.team.id, { from: home.primaryId, to: s1.account.id, amount: 1n });
  const hook = await fetch(`${server.origin}/api/v1/webhooks`, {
    method: "POST",
    headers: { authorization: `Bearer ${home.primaryKey}`, "content-type": "application/json" },
    body: JSON.stringify({ url: "http://127.0.0.1:9/hook", events: ["transfer.created"] }),
  }).then((r) => r.json());
  return {
    home,
    otherPrimaryId: other.primaryId,
    s1: s1.account.id,
    s2: s2.account.id,
    keys: {
      none: null,
      bad: "sl_live_not-a-real-key-at-all",
      revoked: revoked.key,
      otherTeam: other.primaryKey,
      sub: s1.apiKey!.key,
      sibling: s2.apiKey!.key,
      primary: home.primaryKey,
    },
    extraKey: extraKey.id,
    primaryExtra: primaryExtra.id,
    number: number.id,
    webhook: (hook.webhook ?? hook).id as string,
  };
}

type Caller = "none" | "bad" | "revoked" | "otherTeam" | "sub" | "sibling" | "primary";
const callers: Caller[] = ["none", "bad", "revoked", "otherTeam", "sibling", "sub", "primary"];
type Row = { path: (f: Fx) => string; body?: (f: Fx) => unknown; expect: Partial<Record<Caller, number>> };

// none/bad/revoked answer 401 everywhere they are not named. Management calls check for a primary key first,
// so a sub-account key gets 403 whatever the id (nothing leaks); reads of another account's things are 404.
const table: Record<string, Row> = {
  "GET /api/v1/balance": { path: () => "/api/v1/balance", expect: { otherTeam: 200, sibling: 200, sub: 200, primary: 200 } },
  "GET /api/v1/sub-accounts": { path: () => "/api/v1/sub-accounts", expect: { otherTeam: 200, sibling: 403, sub: 403, primary: 200 } },
  "POST /api/v1/sub-accounts": { path: () => "/api/v1/sub-accounts", body: () => ({ name: "New" }), expect: { otherTeam: 201, sibling: 403, sub: 403, primary: 201 } },
  "GET /api/v1/sub-accounts/[id]": { path: (f) => `/api/v1/sub-accounts/${f.s1}`, expect: { otherTeam: 404, sibling: 404, sub: 200, primary: 200 } },
  "PATCH /api/v1/sub-accounts/[id]": { path: (f) => `/api/v1/sub-accounts/${f.s1}`, body: () => ({ name: "Renamed" }), expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 200 } },
  "DELETE /api/v1/sub-accounts/[id]": { path: (f) => `/api/v1/sub-accounts/${f.s1}`, expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 200 } },
  "GET /api/v1/sub-accounts/[id]/balance": { path: (f) => `/api/v1/sub-accounts/${f.s1}/balance`, expect: { otherTeam: 404, sibling: 404, sub: 200, primary: 200 } },
  "GET /api/v1/sub-accounts/[id]/api-keys": { path: (f) => `/api/v1/sub-accounts/${f.s1}/api-keys`, expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 200 } },
  "POST /api/v1/sub-accounts/[id]/api-keys": { path: (f) => `/api/v1/sub-accounts/${f.s1}/api-keys`, body: () => ({ name: "k" }), expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 201 } },
  "DELETE /api/v1/sub-accounts/[id]/api-keys/[keyId]": { path: (f) => `/api/v1/sub-accounts/${f.s1}/api-keys/${f.extraKey}`, expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 204 } },
  "GET /api/v1/api-keys": { path: () => "/api/v1/api-keys", expect: { otherTeam: 200, sibling: 403, sub: 403, primary: 200 } },
  "POST /api/v1/api-keys": { path: () => "/api/v1/api-keys", body: () => ({ name: "k" }), expect: { otherTeam: 201, sibling: 403, sub: 403, primary: 201 } },
  "DELETE /api/v1/api-keys/[keyId]": { path: (f) => `/api/v1/api-keys/${f.primaryExtra}`, expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 204 } },
  "POST /api/v1/charges": { path: () => "/api/v1/charges", body: (f) => ({ amount: 5, subAccountId: f.s1 }), expect: { otherTeam: 404, sibling: 404, sub: 201, primary: 201 } },
  "GET /api/v1/charges": { path: (f) => `/api/v1/charges?subAccountId=${f.s1}`, expect: { otherTeam: 404, sibling: 404, sub: 200, primary: 200 } },
  "POST /api/v1/top-ups": { path: () => "/api/v1/top-ups", body: () => ({ amount: 100 }), expect: { otherTeam: 201, sibling: 403, sub: 403, primary: 201 } },
  "POST /api/v1/transfers": { path: () => "/api/v1/transfers", body: (f) => ({ type: "credit", from: f.home.primaryId, to: f.s1, amount: 10 }), expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 201 } },
  "GET /api/v1/transfers": { path: (f) => `/api/v1/transfers?subAccountId=${f.s1}`, expect: { otherTeam: 404, sibling: 404, sub: 200, primary: 200 } },
  "GET /api/v1/reports/spend": { path: (f) => `/api/v1/reports/spend?from=2026-01-01&to=2026-01-03&subAccountId=${f.s1}`, expect: { otherTeam: 404, sibling: 404, sub: 200, primary: 200 } },
  "GET /api/v1/numbers": { path: (f) => `/api/v1/numbers?subAccountId=${f.s1}`, expect: { otherTeam: 404, sibling: 403, sub: 200, primary: 200 } },
  "POST /api/v1/numbers": { path: () => "/api/v1/numbers", body: () => ({ number: "+15559999", country: "US" }), expect: { otherTeam: 201, sibling: 403, sub: 403, primary: 201 } },
  "POST /api/v1/numbers/[id]/assign": { path: (f) => `/api/v1/numbers/${f.number}/assign`, body: (f) => ({ subAccountId: f.s2 }), expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 200 } },
  "GET /api/v1/events": { path: () => "/api/v1/events", expect: { otherTeam: 200, sibling: 403, sub: 403, primary: 200 } },
  "GET /api/v1/webhooks": { path: () => "/api/v1/webhooks", expect: { otherTeam: 200, sibling: 403, sub: 403, primary: 200 } },
  "POST /api/v1/webhooks": { path: () => "/api/v1/webhooks", body: () => ({ url: "http://127.0.0.1:9/x", events: ["transfer.created"] }), expect: { otherTeam: 201, sibling: 403, sub: 403, primary: 201 } },
  "GET /api/v1/webhooks/[id]": { path: (f) => `/api/v1/webhooks/${f.webhook}`, expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 200 } },
  "PATCH /api/v1/webhooks/[id]": { path: (f) => `/api/v1/webhooks/${f.webhook}`, body: () => ({ active: false }), expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 200 } },
  "DELETE /api/v1/webhooks/[id]": { path: (f) => `/api/v1/webhooks/${f.webhook}`, expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 204 } },
  "GET /api/v1/webhooks/[id]/deliveries": { path: (f) => `/api/v1/webhooks/${f.webhook}/deliveries`, expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 200 } },
  "POST /api/v1/webhooks/[id]/deliveries/[deliveryId]/resend": { path: (f) => `/api/v1/webhooks/${f.webhook}/deliveries/999999/resend`, expect: { otherTeam: 404, sibling: 403, sub: 403, primary: 404 } },
};

// Routes with no caller to tell apart: public documents, the catch-alls, next-auth, the Vonage dialect (its own matrix below).
const outside = /^(GET \/api\/health|GET \/api\/v1\/openapi\.json|\w+ \/api\/(v1|vonage)\/\[\.\.\.path\]|\w+ \/api\/auth\/|\w+ \/api\/vonage\/)/;

// The Vonage dialect: HTTP Basic api_key:secret, where the path's api_key must be the signed-in primary.
type VCaller = "none" | "badSecret" | "subCredentials" | "otherPrimaryAtHomePath" | "primary";
const vCallers: VCaller[] = ["none", "badSecret", "subCredentials", "otherPrimaryAtHomePath", "primary"];
const vonageTable: Record<string, { path: (f: Fx) => string; body?: (f: Fx) => unknown; primary: number }> = {
  "GET /api/vonage/accounts/[api_key]/subaccounts": { path: (f) => `/api/vonage/accounts/${f.home.primaryId}/subaccounts`, primary: 200 },
  "POST /api/vonage/accounts/[api_key]/subaccounts": { path: (f) => `/api/vonage/accounts/${f.home.primaryId}/subaccounts`, body: () => ({ name: "V" }), primary: 201 },
  "GET /api/vonage/accounts/[api_key]/subaccounts/[subaccount_key]": { path: (f) => `/api/vonage/accounts/${f.home.primaryId}/subaccounts/${f.s1}`, primary: 200 },
  "PATCH /api/vonage/accounts/[api_key]/subaccounts/[subaccount_key]": { path: (f) => `/api/vonage/accounts/${f.home.primaryId}/subaccounts/${f.s1}`, body: () => ({ name: "W" }), primary: 200 },
  "GET /api/vonage/accounts/[api_key]/credit-transfers": { path: (f) => `/api/vonage/accounts/${f.home.primaryId}/credit-transfers?start_date=2020-01-01T00:00:00Z`, primary: 200 },
  "POST /api/vonage/accounts/[api_key]/credit-transfers": { path: (f) => `/api/vonage/accounts/${f.home.primaryId}/credit-transfers`, body: (f) => ({ from: f.home.primaryId, to: f.s1, amount: "1.5" }), primary: 200 },
  "GET /api/vonage/accounts/[api_key]/balance-transfers": { path: (f) => `/api/vonage/accounts/${f.home.primaryId}/balance-transfers?start_date=2020-01-01T00:00:00Z`, primary: 200 },
  "POST /api/vonage/accounts/[api_key]/balance-transfers": { path: (f) => `/api/vonage/accounts/${f.home.primaryId}/balance-transfers`, body: (f) => ({ from: f.home.primaryId, to: f.s1, amount: 2 }), primary: 200 },
  "POST /api/vonage/accounts/[api_key]/transfer-number": { path: (f) => `/api/vonage/accounts/${f.home.primaryId}/transfer-number`, body: (f) => ({ from: f.s1, to: f.home.primaryId, number: "+15550001", country: "US" }), primary: 200 },
};

describe("the Vonage dialect's authorization matrix", () => {
  it("names every method of every Vonage route file", async () => {
    const found: string[] = [];
    for (const r of routeFiles()) {
      if (!r.pattern.startsWith("/api/vonage/accounts")) continue;
      for (const m of servedMethods(await import(/* @vite-ignore */ r.file))) found.push(`${m} ${r.pattern}`);
    }
    expect(found.sort()).toEqual(Object.keys(vonageTable).sort());
  });

  for (const [route, row] of Object.entries(vonageTable)) {
    it(route, async () => {
      resetAuthFailures();
      const f = await fixture();
      const [method] = route.split(" ");
      const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;
      const auth: Record<VCaller, string | null> = {
        none: null,
        badSecret: basic(f.home.primaryId, "Wrong123secret"),
        subCredentials: basic(f.s1, f.keys.sub),
        otherPrimaryAtHomePath: basic(f.otherPrimaryId, f.keys.otherTeam),
        primary: basic(f.home.primaryId, f.keys.primary),
      };
      const want: Record<VCaller, number> = { none: 401, badSecret: 401, subCredentials: 403, otherPrimaryAtHomePath: 403, primary: row.primary };
      const got: Record<string, number> = {};
      for (const c of vCallers) {
        const res = await fetch(`${server.origin}${row.path(f)}`, {
          method,
          headers: { ...(auth[c] ? { authorization: auth[c]! } : {}), ...(row.body ? { "content-type": "application/json" } : {}) },
          body: row.body ? JSON.stringify(row.body(f)) : undefined,
        });
        got[c] = res.status;
        if (res.status >= 400) expect(res.headers.get("content-type")).toBe("application/problem+json");
        await res.arrayBuffer();
      }
      if (JSON.stringify(got) !== JSON.stringify(want)) console.log(`MATRIX ${route} got ${JSON.stringify(got)}`);
      expect(got).toEqual(want);
    });
  }
});

describe("the authorization matrix", () => {
  it("names every method of every route file", async () => {
    const found: string[] = [];
    for (const r of routeFiles()) {
      for (const m of servedMethods(await import(/* @vite-ignore */ r.file))) found.push(`${m} ${r.pattern}`);
    }
    expect(found.filter((k) => !outside.test(k)).sort()).toEqual(Object.keys(table).sort());
  });

  for (const [route, row] of Object.entries(table)) {
    it(route, async () => {
      resetAuthFailures();
      const f = await fixture();
      const [method] = route.split(" ");
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const c of callers) {
        const key = f.keys[c];
        const res = await fetch(`${server.origin}${row.path(f)}`, {
          method,
          headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(row.body ? { "content-type": "application/json" } : {}) },
          body: row.body ? JSON.stringify(row.body(f)) : undefined,
        });
        got[c] = res.status;
        want[c] = row.expect[c] ?? 401;
        if (res.status >= 400) expect(res.headers.get("content-type")).toBe("application/problem+json");
        await res.arrayBuffer();
      }
      if (JSON.stringify(got) !== JSON.stringify(want)) console.log(`MATRIX ${route} got ${JSON.stringify(got)}`);
      expect(got).toEqual(want);
    });
  }
});

describe("methods a route does not serve", () => {
  it("answer a problem+json 405 naming the methods it does, in every route file of both dialects, before any key is asked for", async () => {
    const checked: string[] = [];
    for (const r of routeFiles()) {
      // the catch-alls answer 404 for anything no route serves; NextAuth and the health check are not the API
      if (r.segments.some((s) => s.startsWith("[...")) || !/^\/api\/(v1|vonage)\//.test(r.pattern)) continue;
      const served = servedMethods(await import(/* @vite-ignore */ r.file));
      expect(served.length, r.pattern).toBeGreaterThan(0);
      const path = "/" + ["api", ...r.segments.map((s) => (s.startsWith("[") ? "x1" : s))].join("/");
      for (const method of HTTP_METHODS.filter((m) => !served.includes(m))) {
        const res = await fetch(`${server.origin}${path}`, { method, ...(method === "GET" ? {} : { body: "{}", headers: { "content-type": "application/json" } }) });
        const body = await res.json();
        expect([res.status, res.headers.get("content-type"), res.headers.get("allow")], `${method} ${path}`).toEqual([405, "application/problem+json", served.join(", ")]);
        expect(body).toMatchObject({ status: 405, code: "method_not_allowed", detail: `${method} is not served here; use ${served.join(", ")}`, instance: path });
        checked.push(`${method} ${r.pattern}`);
      }
    }
    expect(checked).toContain("PUT /api/v1/balance");
    expect(checked).toContain("POST /api/v1/openapi.json");
    expect(checked).toContain("DELETE /api/vonage/accounts/[api_key]/subaccounts/[subaccount_key]");
  });
});
