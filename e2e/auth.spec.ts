// Signing in, a wrong password, the per-email failure limit, and signing out.
import { expect, test } from "@playwright/test";
import { formAlert, PASSWORD, shot, signIn, signOut, team } from "./helpers";

test("a signed-out visitor is sent to sign-in, signs in and out", async ({ page }) => {
  const acme = team("acme");
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in to your dashboard" })).toBeVisible();
  await shot(page, "auth-signin");

  await signIn(page, acme.admin.email);
  await expect(page.getByTestId("team-balance")).toHaveText("$0.00");
  await expect(page.getByText("Acme Reports · 0 sub-accounts, 0 active")).toBeVisible();
  await shot(page, "auth-overview-after-signin");

  await signOut(page);
  await page.goto("/sub-accounts");
  await expect(page).toHaveURL(/\/signin/);
});

test("a wrong password is refused with a plain message", async ({ page }) => {
  const acme = team("acme");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(acme.admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toHaveText("Wrong email or password");
  await expect(page).toHaveURL(/\/signin/);
  await shot(page, "auth-wrong-password");
  // one failure does not lock the real owner out
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/overview/);
});

test("five failures for one email refuse further attempts", async ({ page }) => {
  await page.goto("/signin");
  const email = "guessing@example.test";
  await page.getByLabel("Email").fill(email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`guess-${i}-password`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(page)).toHaveText("Wrong email or password");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("guess-6-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page)).toContainText("Too many failed sign-ins");
  await shot(page, "auth-rate-limited");
});
