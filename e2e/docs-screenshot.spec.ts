// The README's picture: the seeded demo team's overview, with months of usage in the chart.
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

test("the demo team's overview, for the README", async ({ page }) => {
  await signIn(page, "demo@subledger.local", "demo-password");
  await page.goto("/overview?range=90");
  await expect(page.getByRole("link", { name: "90 days" })).toHaveAttribute("aria-current", "true");
  // the chart has drawn its stacked areas (it is empty, with a message, when there is no spend)
  await expect(page.locator(".recharts-area").first()).toBeVisible();
  await expect(page.getByText("No spend in this period yet.")).toHaveCount(0);
  await page.screenshot({ path: "docs/dashboard.png" });
  await shot(page, "demo-overview-90-days");
  await page.goto("/sub-accounts?sort=spend");
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await shot(page, "demo-sub-accounts-by-spend");
  await page.locator("tbody tr").first().getByRole("link").click();
  await expect(page.getByTestId("sub-balance")).toBeVisible();
  await shot(page, "demo-sub-account");
});
