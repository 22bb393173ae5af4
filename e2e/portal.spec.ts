// Journeys on the case-study team after its own spec has run (files run in name order and case-study.spec
// asserts the team's opening numbers, so these live here rather than in an earlier-sorting alerts.spec.ts).
//
// An end customer's journey: the partner brands the portal and invites the customer of one sub-account; the
// customer joins, signs in, sees their own money, numbers and charges, exports CSV, creates and revokes a key,
// and cannot reach another sub-account or the team, by page or by API.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { verifySignature } from "../lib/webhooks/signature";
import { startReceiver } from "../lib/webhooks/testing";
import { PASSWORD, shot, signIn, signOut, team } from "./helpers";

test.describe.configure({ mode: "serial" });

const CUSTOMER_EMAIL = "customer@portal.test";
const CUSTOMER_PASSWORD = "portal-password-1";

async function api(page: Page, key: string, method: string, path: string, data?: unknown) {
  const r = await page.request.fetch(path, { method, headers: { authorization: `Bearer ${key}`, "idempotency-key": `portal-${Math.random()}` }, data });
  return { status: r.status(), body: r.status() === 204 ? null : await r.json() };
}

test("a customer sees only their sub-account in the branded portal, manages keys, and is kept out of the rest", async ({ page, browser }) => {
  const cs = team("case-study");
  // the partner's systems: money in, two customers, numbers and usage
  expect((await api(page, cs.apiKey, "POST", "/api/v1/top-ups", { amount: 100_000 })).status).toBe(201);
  const mine = (await api(page, cs.apiKey, "POST", "/api/v1/sub-accounts", { name: "Portal Pizza Co", creditLimit: 20_000 })).body.subAccount;
  const other = (await api(page, cs.apiKey, "POST", "/api/v1/sub-accounts", { name: "Secret Other Co", creditLimit: 5_000 })).body.subAccount;
  for (const [number, who] of [["14155550123", mine.id], ["14155550124", mine.id], ["442071838750", other.id]])
    expect((await api(page, cs.apiKey, "POST", "/api/v1/numbers", { number, country: number.startsWith("44") ? "GB" : "US", subAccountId: who })).status).toBe(201);
  for (const amount of [1_250, 2_500, 3_000]) expect((await api(page, cs.apiKey, "POST", "/api/v1/charges", { amount, subAccountId: mine.id, description: "Pizza SMS" })).status).toBe(201);
  expect((await api(page, cs.apiKey, "POST", "/api/v1/charges", { amount: 999, subAccountId: other.id, description: "Other's usage" })).status).toBe(201);

  // the partner admin brands the portal and invites the customer
  await signIn(page, cs.admin.email, PASSWORD);
  await page.goto("/team");
  const branding = page.getByRole("form", { name: "Portal branding" });
  await branding.getByLabel("Portal name").fill("Pizza Cloud Portal");
  await branding.getByLabel("Accent colour").fill("#c2410c");
  await branding.getByRole("button", { name: "Save branding" }).click();
  await expect(branding.getByText("Portal branding saved")).toBeVisible();
  await page.goto(`/sub-accounts/${mine.id}`);
  await page.getByRole("button", { name: "Invite customer" }).click();
  const link = (await page.getByRole("form", { name: "Invite the customer" }).getByTestId("secret-value").textContent())!.trim();
  expect(link).toMatch(/\/portal\/join\/[\w-]+$/);
  await shot(page, "portal-01-invite-link");
  await signOut(page);

  // the customer joins with the link and signs in
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Pizza Cloud Portal" })).toBeVisible();
  await page.getByLabel("Email").fill(CUSTOMER_EMAIL);
  await page.getByLabel("Your name").fill("Paola Pizza");
  await page.getByLabel("Password", { exact: true }).fill(CUSTOMER_PASSWORD);
  await page.getByLabel("Repeat the password").fill(CUSTOMER_PASSWORD);
  await shot(page, "portal-02-join");
  await page.getByRole("button", { name: "Create sign-in" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email").fill(CUSTOMER_EMAIL);
  await page.getByLabel("Password").fill(CUSTOMER_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portal$/);

  // their own sub-account, branded
  await expect(page.getByTestId("portal-name")).toHaveText("Pizza Cloud Portal");
  await expect(page.getByTestId("portal-name")).toHaveCSS("color", "rgb(194, 65, 12)");
  await expect(page.getByTestId("account-name")).toHaveText("Portal Pizza Co");
  await expect(page.getByTestId("portal-balance")).toHaveText("Team-funded");
  await expect(page.getByTestId("portal-credit-limit")).toHaveText("$200.00");
  await expect(page.getByTestId("portal-spent")).toHaveText("$67.50");
  await expect(page.getByTestId("portal-available")).toHaveText("$132.50");
  await expect(page.getByRole("meter", { name: "Use of the credit limit" })).toHaveAttribute("aria-valuetext", "34% used");
  const numbers = page.getByRole("list", { name: "Numbers" });
  await expect(numbers.getByRole("listitem")).toHaveCount(2);
  await expect(numbers).toContainText("+14155550123");
  await expect(numbers).toContainText("+14155550124");
  await expect(page.getByText("+442071838750")).toHaveCount(0);
  await expect(page.getByText("Secret Other Co")).toHaveCount(0);
  await expect(page.getByRole("figure", { name: "Spend per day" })).toBeVisible();
  await shot(page, "portal-03-overview");

  // charges, filtered by date, and the CSV export
  await page.getByRole("link", { name: "Charges" }).click();
  await expect(page.getByRole("row")).toHaveCount(4);
  await expect(page.getByText("Other's usage")).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8").trim().split("\n");
  expect(csv[0]).toBe("id,created_at,description,amount,currency");
  expect(csv.slice(1).map((l) => l.split(",").slice(-3).join(","))).toEqual(["Pizza SMS,30.00,USD", "Pizza SMS,25.00,USD", "Pizza SMS,12.50,USD"]);
  await page.getByLabel("From").fill("2020-01-01");
  await page.getByLabel("To").fill("2020-01-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No charges in this period")).toBeVisible();
  await page.goto("/portal/charges");
  await shot(page, "portal-04-charges");

  // a key of their own: shown once, works for their account only, then revoked
  await page.getByRole("link", { name: "API keys" }).click();
  const keyForm = page.getByRole("form", { name: "Create an API key" });
  await keyForm.getByLabel("Key name").fill("Pizza backend");
  await keyForm.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("secret-value").textContent())!.trim();
  expect(key).toMatch(/^sl_live_/);
  await shot(page, "portal-05-key-created");
  expect((await api(page, key, "GET", `/api/v1/sub-accounts/${mine.id}`)).status).toBe(200);
  expect((await api(page, key, "GET", `/api/v1/sub-accounts/${other.id}`)).status).toBe(404);
  expect((await api(page, key, "GET", "/api/v1/sub-accounts")).status).toBe(403);
  expect((await api(page, key, "GET", "/api/v1/events")).status).toBe(403);
  const row = page.getByRole("listitem").filter({ hasText: "Pizza backend" });
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  // the revoked key's row no longer offers Revoke, so its confirmation closes with it
  await expect(row.getByText("revoked", { exact: true })).toBeVisible();
  expect((await api(page, key, "GET", `/api/v1/sub-accounts/${mine.id}`)).status).toBe(401);
  await shot(page, "portal-06-key-revoked");

  // nothing of another sub-account or of the team is reachable from this session
  for (const path of [`/sub-accounts/${other.id}`, `/sub-accounts/${mine.id}`, "/sub-accounts", "/overview", "/transfers", "/team", "/activity"]) {
    await page.goto(path);
    await expect(page, `${path} let a customer in`).toHaveURL(/\/portal$/);
  }
  await expect(page.getByText("Secret Other Co")).toHaveCount(0);
  const exportOther = await page.request.get(`/transfers/export?subAccountId=${other.id}`);
  expect(exportOther.status()).not.toBe(200);
  expect((await page.request.get(`/portal/charges/export?subAccountId=${other.id}`)).status()).toBe(200);
  expect(await (await page.request.get(`/portal/charges/export?subAccountId=${other.id}`)).text()).not.toContain("Other's usage");
  await shot(page, "portal-07-kept-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/signin/);

  // and a team member is sent from the portal to the dashboard
  const partner = await browser.newPage();
  await signIn(partner, cs.admin.email, PASSWORD);
  await partner.goto("/portal");
  await expect(partner).toHaveURL(/\/overview/);
  await partner.close();
});

// The partner's journey with spend alerts: webhooks registered by API are delivered, signed, by the worker the
// server starts from instrumentation.ts, while concurrent charges cross 50/80/100% of a cap.
test("concurrent charges cross each mark once and the server delivers each alert, signed", async ({ page, request }) => {
  const cs = team("case-study");
  const auth = { authorization: `Bearer ${cs.apiKey}` };
  const receiver = await startReceiver();
  try {
    const hook = await (await request.post("/api/v1/webhooks", { headers: auth, data: { url: receiver.url, events: ["subaccount.limit_threshold", "subaccount.blocked"] } })).json();
    expect(hook.webhook.secret).toMatch(/^whsec_/);
    await request.post("/api/v1/top-ups", { headers: { ...auth, "idempotency-key": `alerts-topup-${Date.now()}` }, data: { amount: 50_000 } });
    const sub = (await (await request.post("/api/v1/sub-accounts", { headers: auth, data: { name: "Alerted Co", creditLimit: 4_000 } })).json()).subAccount;

    // 50 charges of 1.00 at once against a 40.00 cap: 40 pass, 10 are refused, nothing overshoots
    const answers = await Promise.all(Array.from({ length: 50 }, () => request.post("/api/v1/charges", { headers: auth, data: { amount: 100, subAccountId: sub.id } })));
    expect(answers.filter((a) => a.status() === 201)).toHaveLength(40);
    expect(answers.filter((a) => a.status() === 402)).toHaveLength(10);

    const events = (await (await request.get(`/api/v1/events?subAccountId=${sub.id}`, { headers: auth })).json()).items;
    expect(events.map((e: { type: string; data: { threshold?: number } }) => [e.type, e.data.threshold ?? null]).reverse()).toEqual([
      ["subaccount.limit_threshold", 50],
      ["subaccount.limit_threshold", 80],
      ["subaccount.limit_threshold", 100],
      ["subaccount.blocked", null],
    ]);

    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(4);
    for (const r of receiver.received) expect(verifySignature(hook.webhook.secret, r.headers["subledger-signature"] as string, r.body)).toBe(true);
    expect(new Set(receiver.eventIds())).toEqual(new Set(events.map((e: { id: string }) => e.id)));

    const deliveries = (await (await request.get(`/api/v1/webhooks/${hook.webhook.id}/deliveries`, { headers: auth })).json()).items;
    expect(deliveries.map((d: { status: string; responseCode: number }) => [d.status, d.responseCode])).toEqual(Array(4).fill(["delivered", 200]));

    // the partner sees the same sub-account at its cap in the dashboard
    await signIn(page, cs.admin.email);
    await page.goto(`/sub-accounts/${sub.id}`);
    await expect(page.getByText("$40.00").first()).toBeVisible();
    await shot(page, "alerts-01-at-cap");
    await request.delete(`/api/v1/webhooks/${hook.webhook.id}`, { headers: auth });
  } finally {
    await receiver.close();
  }
});
