// Security basics a browser can see: headers on pages and API answers, and the session cookie's flags.
import { expect, test } from "@playwright/test";
import { signIn, team } from "./helpers";

test("pages and API answers carry the security headers; the session cookie is httpOnly and sameSite", async ({ page, request }) => {
  for (const url of ["/signin", "/api/health", "/api/v1/balance"]) {
    const res = await request.get(url);
    const h = res.headers();
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], url).toContain("default-src 'self'");
    expect(h["x-frame-options"], url).toBe("DENY");
  }
  await signIn(page, team("acme").admin.email);
  const session = (await page.context().cookies()).find((c) => c.name.includes("session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // served over plain http here; next-auth marks it secure (and __Secure-) when NEXTAUTH_URL is https
  expect(session!.secure).toBe(false);
});
