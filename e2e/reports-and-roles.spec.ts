// The Acme team: a refused transfer says why, the CSV export carries the filtered set, a viewer sees but
// cannot change, and the rest of the sub-account page (keys, details, deletion with restore).
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { charge, confirmInDialog, createSubAccount, shot, signIn, signOut, team, transfer } from "./helpers";

test.describe.configure({ mode: "serial" });

test("a refused transfer shows the rule's reason and changes nothing", async ({ page }) => {
  const acme = team("acme");
  await signIn(page, acme.admin.email);
  const sub = await createSubAccount(page, "Refusal Co", { externalId: "ref-1" });
  await confirmInDialog(page, "Switch to own balance", "Switch");
  // the primary has 50 of credit and no balance: 60 is more than the rule allows
  await expect(page.getByTestId("give-credit-available")).toHaveText("$50.00");
  const form = await transfer(page, "give-credit", "60");
  await expect(form.getByText("at most $50.00 can move").first()).toBeVisible();
  await expect(form.getByRole("alert")).toHaveText("Refused: the primary must keep enough credit to cover its own debt; at most $50.00 can move.");
  await expect(page.getByTestId("credit-limit")).toHaveText("$0.00");
  await shot(page, "acme-01-refused-transfer");

  // moving balance back from an account with nothing available is refused too (button disabled, amount 0)
  await expect(page.getByTestId("take-balance-available")).toHaveText("$0.00");
  await expect(page.getByTestId("take-balance").getByRole("button", { name: "Move" })).toBeDisabled();

  // the credit-limit editor shows the bounds the rule allows and refuses beyond them inline
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(page.getByText("The rules allow from $0.00 to $50.00.")).toBeVisible();
  await page.getByLabel("Credit limit (USD)").fill("75");
  await expect(page.getByText("The rules allow from $0.00 to $50.00").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();
  await page.getByLabel("Credit limit (USD)").fill("12.50");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("credit-limit")).toHaveText("$12.50");
  await expect(page.getByTestId("give-credit-available")).toHaveText("$37.50");
  await shot(page, "acme-02-credit-limit-edited");
  expect(sub.id).toBeTruthy();
});

test("keys are shown once and revoked; details, deletion and restore", async ({ page, request }) => {
  const acme = team("acme");
  await signIn(page, acme.admin.email);
  const sub = await createSubAccount(page, "Keys Ltd");
  // the key from creation works against the API
  const balance = await request.get("/api/v1/balance", { headers: { authorization: `Bearer ${sub.key}` } });
  expect(balance.status()).toBe(200);

  await page.getByLabel("Key name").fill("Rotation");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = page.getByTestId("secret-value");
  await expect(secret).toHaveText(/^sl_live_/);
  const newKey = (await secret.textContent())!.trim();
  await expect(page.getByText("Rotation", { exact: true })).toBeVisible();
  await shot(page, "acme-03-key-created");
  await page.reload();
  await expect(page.getByTestId("secret-value")).toHaveCount(0);

  // revoke the new key: the API refuses it afterwards
  const row = page.locator("li", { hasText: "Rotation" });
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(row.getByText("revoked", { exact: true })).toBeVisible();
  expect((await request.get("/api/v1/balance", { headers: { authorization: `Bearer ${newKey}` } })).status()).toBe(401);

  // details
  await page.getByLabel("External ID").fill("keys-ltd-42");
  await page.getByLabel("Metadata (JSON object)").fill('{"plan": "pro"}');
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Details saved.")).toBeVisible();
  await page.getByLabel("Metadata (JSON object)").fill("not json");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("must be a JSON object")).toBeVisible();

  // the list finds it by external id
  await page.goto("/sub-accounts?q=keys-ltd");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("Keys Ltd");
  await shot(page, "acme-04-search");

  // delete (type the name) → scheduled with its date → restore
  await page.getByRole("link", { name: "Keys Ltd" }).click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("button", { name: "Schedule deletion" })).toBeDisabled();
  await dialog.getByLabel("Type “Keys Ltd” to confirm").fill("Keys Ltd");
  await dialog.getByRole("button", { name: "Schedule deletion" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Scheduled for deletion on/)).toBeVisible();
  expect((await request.get("/api/v1/balance", { headers: { authorization: `Bearer ${sub.key}` } })).status()).toBe(401);
  await shot(page, "acme-05-scheduled-deletion");
  await confirmInDialog(page, "Restore", "Restore");
  await expect(page.getByText(/Scheduled for deletion on/)).toHaveCount(0);
  await expect(page.getByText("Deactivated", { exact: true })).toBeVisible();
  await confirmInDialog(page, "Reactivate", "Reactivate");
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
});

test("the transfers report filters and exports CSV", async ({ page }) => {
  const acme = team("acme");
  await signIn(page, acme.admin.email);
  await page.getByLabel("Amount (USD)").fill("12.34");
  await page.getByLabel("Reference").fill("INV-CSV-1");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Recorded a payment of $12.34.")).toBeVisible();

  await page.goto("/transfers");
  await expect(page.getByRole("cell", { name: "INV-CSV-1" })).toBeVisible();
  await page.getByLabel("Type").selectOption("top_up");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/type=top_up/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await shot(page, "acme-06-transfers-payments");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8").trim().split("\n");
  expect(csv[0]).toBe("id,created_at,type,from_account_id,from_name,to_account_id,to_name,amount,amount_minor,currency,reference");
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(",payment,");
  expect(csv[1]).toContain(`,${acme.primaryAccount.id},Acme Reports (primary),12.34,1234,USD,INV-CSV-1`);

  // credit transfers only: the 12.50 given to Refusal Co
  await page.goto("/transfers?type=credit_transfer");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("$12.50");
  const [dl2] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const lines = fs.readFileSync((await dl2.path())!, "utf8").trim().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(",credit,");
  expect(lines[1]).toContain("Refusal Co,12.50,1250,USD");

  // the export is for signed-in members only
  await signOut(page);
  const anon = await page.request.get("/transfers/export");
  expect(anon.status()).toBe(401);
});

test("a viewer sees everything and can change nothing", async ({ page, request, browser }) => {
  const acme = team("acme");
  await signIn(page, acme.admin.email);
  await page.goto("/team");
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = (await page.getByTestId("secret-value").textContent())!.trim();
  expect(link).toMatch(/\/invite\//);
  await shot(page, "acme-07-team-invite");
  await signOut(page);

  const url = new URL(link);
  await page.goto(url.pathname);
  await expect(page.getByRole("heading", { name: "Join Acme Reports" })).toBeVisible();
  await page.getByLabel("Your name").fill("Vera Viewer");
  await page.getByLabel("Email").fill("viewer@acme.test");
  await page.getByLabel("Password", { exact: true }).fill("viewer-password");
  await page.getByLabel("Repeat the password").fill("viewer-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/Your account viewer@acme.test is ready/)).toBeVisible();
  await shot(page, "acme-08-invite-accepted");
  // the link works once
  await page.goto(url.pathname);
  await expect(page.getByRole("heading", { name: "This invite is not valid" })).toBeVisible();

  await signIn(page, "viewer@acme.test", "viewer-password");
  await expect(page.getByText("viewer", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Record a payment" })).toHaveCount(0);
  await page.goto("/sub-accounts");
  await expect(page.getByRole("link", { name: "Refusal Co" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New sub-account" })).toHaveCount(0);
  await page.getByRole("link", { name: "Refusal Co" }).click();
  await expect(page.getByTestId("credit-limit")).toHaveText("$12.50");
  await expect(page.getByRole("button", { name: "Suspend" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByTestId("give-credit")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
  await shot(page, "acme-09-viewer-sub-account");
  await page.goto("/team");
  await expect(page.getByRole("button", { name: "Create invite link" })).toHaveCount(0);
  await page.goto("/activity");
  await expect(page.getByText("invite.accept")).toBeVisible();
  await expect(page.getByRole("link", { name: "Refusal Co" }).first()).toBeVisible();
  await shot(page, "acme-10-activity");

  // usage keeps arriving and the viewer's page follows it live
  await page.goto("/overview");
  const before = await page.getByTestId("spend-this-month").textContent();
  expect((await charge(request, acme.apiKey, 250)).status()).toBe(201);
  await expect(page.getByTestId("spend-this-month")).not.toHaveText(before!);
  await expect(page.getByTestId("spend-this-month")).toHaveText("$2.50");
  await shot(page, "acme-11-viewer-overview");
  expect(browser).toBeTruthy();
});
