// What every journey shares: the bootstrapped teams, signing in, API usage, and screenshots of each page.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export type Bootstrap = { team: { id: string; name: string; currency: string }; primaryAccount: { id: string }; apiKey: string; admin: { email: string } };
const here = path.dirname(fileURLToPath(import.meta.url));

export const PASSWORD = "e2e-password-1";

export function team(file: "case-study" | "acme"): Bootstrap {
  return JSON.parse(fs.readFileSync(path.join(here, ".state", `${file}.json`), "utf8"));
}

const shotsDir = path.join(here, "screenshots");

export async function shot(page: Page, name: string) {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

// Next.js keeps an empty role=alert route announcer on every page: look for alerts inside the form or main.
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

export async function signOut(page: Page) {
  const button = page.getByRole("button", { name: "Sign out" });
  if (!(await button.isVisible())) await page.getByRole("button", { name: "Menu" }).click();
  await button.click();
  await expect(page).toHaveURL(/\/signin/);
}

// Usage arriving through the native API, as a partner's system would send it.
export async function charge(request: APIRequestContext, apiKey: string, amount: number, subAccountId?: string) {
  const r = await request.post("/api/v1/charges", {
    headers: { authorization: `Bearer ${apiKey}`, "idempotency-key": `e2e-${Date.now()}-${Math.random()}` },
    data: subAccountId ? { amount, subAccountId } : { amount },
  });
  return r;
}

export async function createSubAccount(page: Page, name: string, opts: { externalId?: string; shot?: string } = {}) {
  await page.goto("/sub-accounts");
  await page.getByRole("button", { name: "New sub-account" }).click();
  const dialog = page.getByRole("dialog", { name: "New sub-account" });
  await dialog.getByLabel("Name").fill(name);
  if (opts.externalId) await dialog.getByLabel("External ID (optional)").fill(opts.externalId);
  await dialog.getByRole("button", { name: "Create sub-account" }).click();
  await expect(dialog.getByText(`Created ${name}.`)).toBeVisible();
  const key = (await dialog.getByTestId("secret-value").textContent())!.trim();
  expect(key).toMatch(/^sl_live_/);
  if (opts.shot) await page.screenshot({ path: path.join(shotsDir, `${opts.shot}.png`) });
  await dialog.getByRole("link", { name: "Open sub-account" }).click();
  await expect(page.getByTestId("sub-account-name")).toHaveText(name);
  const id = page.url().split("/sub-accounts/")[1].split("?")[0];
  return { id, key };
}

export async function confirmInDialog(page: Page, opener: string, confirm: string, typeName?: string) {
  await page.getByRole("button", { name: opener, exact: true }).click();
  const dialog = page.getByRole("dialog");
  if (typeName) await dialog.getByLabel(`Type “${typeName}” to confirm`).fill(typeName);
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(dialog).toBeHidden();
}

export async function transfer(page: Page, testId: string, amount: string) {
  const form = page.getByTestId(testId);
  await form.getByLabel(/Amount/).fill(amount);
  await form.getByRole("button", { name: "Move" }).click();
  return form;
}
