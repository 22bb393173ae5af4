// DESIGN.md's worked example (the Vonage case study) walked through the dashboard, checking the numbers on
// screen after every step, with usage arriving through the REST API while the page is open.
import { expect, test } from "@playwright/test";
import { charge, confirmInDialog, createSubAccount, shot, signIn, team, transfer } from "./helpers";

test("the case study through the UI", async ({ page, request }) => {
  test.setTimeout(180_000);
  const cs = team("case-study");
  await signIn(page, cs.admin.email);
  await expect(page.getByTestId("team-balance")).toHaveText("$0.00");
  await expect(page.getByTestId("team-credit")).toHaveText("$100.00");
  await expect(page.getByTestId("team-available")).toHaveText("$100.00");
  await shot(page, "case-01-overview-start");

  // two sub-accounts, shared to begin with
  const sub1 = await createSubAccount(page, "Sub one", { externalId: "cust-1", shot: "case-02a-new-sub-account-key-once" });
  await expect(page.getByText("Shared balance (draws from the primary)")).toBeVisible();
  const sub2 = await createSubAccount(page, "Sub two", { externalId: "cust-2" });
  await page.goto("/sub-accounts");
  await expect(page.getByRole("link", { name: "Sub one" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sub two" })).toBeVisible();
  await shot(page, "case-02-sub-accounts");

  // sub 1 goes own-balance and gets 40 credit: primary credit 60
  await page.goto(`/sub-accounts/${sub1.id}`);
  await confirmInDialog(page, "Switch to own balance", "Switch");
  await expect(page.getByText("Own balance", { exact: true })).toBeVisible();
  await transfer(page, "give-credit", "40");
  await expect(page.getByTestId("credit-limit")).toHaveText("$40.00");
  await expect(page.getByTestId("give-credit-available")).toHaveText("$60.00");
  await expect(page.getByTestId("sub-available")).toHaveText("$40.00");
  await shot(page, "case-03-sub1-credit-40");

  // the primary spends 20, sub 1 spends 40 and is blocked — shown without a reload
  expect((await charge(request, cs.apiKey, 2000)).status()).toBe(201);
  expect((await charge(request, cs.apiKey, 4000, sub1.id)).status()).toBe(201);
  await expect(page.getByTestId("sub-balance")).toHaveText("-$40.00");
  await expect(page.getByTestId("sub-spent")).toHaveText("$40.00");
  await expect(page.getByTestId("sub-available")).toHaveText("$0.00");
  await expect(page.getByText("Blocked: limit reached")).toBeVisible();
  await expect(page.getByTestId("give-credit-available")).toHaveText("$40.00");
  expect((await charge(request, cs.apiKey, 1, sub1.id)).status()).toBe(402);
  await shot(page, "case-04-sub1-blocked-live");

  // 41 more is refused with the rule's reason; 20 goes through
  const refused = await transfer(page, "give-credit", "41");
  await expect(refused.getByRole("alert")).toHaveText("Refused: the primary must keep enough credit to cover its own debt; at most $40.00 can move.");
  await expect(refused.getByText("at most $40.00 can move").first()).toBeVisible();
  await expect(page.getByTestId("credit-limit")).toHaveText("$40.00");
  await shot(page, "case-05-refused-41");
  await transfer(page, "give-credit", "20");
  await expect(page.getByTestId("credit-limit")).toHaveText("$60.00");
  await expect(page.getByTestId("give-credit-available")).toHaveText("$20.00");

  // sub 1 spends 10 more: balance -50
  expect((await charge(request, cs.apiKey, 1000, sub1.id)).status()).toBe(201);
  await expect(page.getByTestId("sub-balance")).toHaveText("-$50.00");
  await expect(page.getByTestId("sub-available")).toHaveText("$10.00");

  // month end: the partner records its 70 payment (primary 50) ...
  await page.goto("/overview");
  await expect(page.getByTestId("team-balance")).toHaveText("-$20.00");
  await expect(page.getByTestId("team-credit")).toHaveText("$40.00");
  await page.getByLabel("Amount (USD)").fill("70");
  await page.getByLabel("Reference").fill("Invoice June");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Recorded a payment of $70.00.")).toBeVisible();
  await expect(page.getByTestId("team-balance")).toHaveText("$50.00");
  await shot(page, "case-06-overview-after-payment");

  // ... and moves 45 to sub 1 (sub 1 -5, primary 5)
  await page.goto(`/sub-accounts/${sub1.id}`);
  await transfer(page, "give-balance", "45");
  await expect(page.getByTestId("sub-balance")).toHaveText("-$5.00");
  await expect(page.getByTestId("give-balance-available")).toHaveText("$45.00");
  await shot(page, "case-07-sub1-after-45");

  // sub 2 goes own-balance, gets 30 credit, spends 25, and is suspended
  await page.goto(`/sub-accounts/${sub2.id}`);
  await confirmInDialog(page, "Switch to own balance", "Switch");
  await transfer(page, "give-credit", "30");
  await expect(page.getByTestId("credit-limit")).toHaveText("$30.00");
  expect((await charge(request, cs.apiKey, 2500, sub2.id)).status()).toBe(201);
  await expect(page.getByTestId("sub-balance")).toHaveText("-$25.00");
  await expect(page.getByTestId("sub-spent")).toHaveText("$25.00");
  await confirmInDialog(page, "Suspend", "Suspend");
  await expect(page.getByText("Suspended", { exact: true })).toBeVisible();
  await expect(page.getByTestId("sub-available")).toHaveText("$0.00");
  await expect(page.getByRole("button", { name: "Reactivate" })).toBeVisible();
  expect((await charge(request, cs.apiKey, 100, sub2.id)).status()).toBeGreaterThanOrEqual(400);
  await shot(page, "case-08-sub2-suspended");

  // the books at the end: primary 5 with 10 of credit left
  await page.goto("/overview");
  await expect(page.getByTestId("team-balance")).toHaveText("$5.00");
  await expect(page.getByTestId("team-credit")).toHaveText("$10.00");
  await expect(page.getByTestId("team-available")).toHaveText("$15.00");
  await expect(page.getByTestId("spend-this-month")).toHaveText("$95.00");
  await shot(page, "case-09-overview-end");

  await page.goto("/sub-accounts?sort=use");
  await expect(page.locator("tbody tr").first()).toContainText("Sub two");
  await shot(page, "case-10-sub-accounts-by-use");

  // phone width
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/overview");
  await expect(page.getByTestId("team-balance")).toHaveText("$5.00");
  // nothing wider than the phone: no sideways scrolling
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "case-11-overview-phone");
  await page.goto(`/sub-accounts/${sub1.id}`);
  await expect(page.getByTestId("sub-balance")).toHaveText("-$5.00");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "case-12-sub1-phone");
  // the navigation opens from the menu button and is keyboard reachable
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("link", { name: "Transfers" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Transfers" })).toBeVisible();
});
