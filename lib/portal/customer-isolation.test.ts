// A customer session must reach nothing of the team or of another sub-account: every dashboard page, layout,
// route handler and server action is tried with one (found by walking app/(dashboard), so new ones are
// covered), and each must refuse without changing a row. The portal itself refuses team members, and the
// customer's own API key cannot see past its account.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count } from "drizzle-orm";
import { setCurrentHandle } from "@/db/client";
import { setupTestDb } from "@/db/testing";
import * as schema from "@/db/schema";
import { createSubAccount } from "@/lib/accounts/create-sub-account";
import { startTestServer } from "@/lib/api/testing";
import { addMembership } from "@/lib/users/add-membership";
import { createUser } from "@/lib/users/create-user";
import { makeTeam } from "@/lib/testing/fixtures";
import { createCustomerKey } from "./customer-keys";

process.env.NEXTAUTH_SECRET ??= "customer-isolation-test-secret";
let sessionUserId: string | null = null;
vi.mock("next-auth", async (orig) => ({ ...(await orig<typeof import("next-auth")>()), getServerSession: async () => (sessionUserId ? { user: { id: sessionUserId } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "127.0.0.1:3000" }), cookies: async () => ({ get: () => undefined }) }));

const handle = setupTestDb();
let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof fixture>>;

async function fixture() {
  const { db } = await handle;
  const { team, primaryId } = await makeTeam(db, { balance: 100_000n, creditLimit: 10_000n });
  const { account: mine } = await createSubAccount(db, team.id, { name: "Mine", balanceMode: "own", creditLimit: 2_000 });
  const { account: other } = await createSubAccount(db, team.id, { name: "Other" });
  const customer = await createUser(db, { email: "customer@iso.test", password: "long-enough-1" });
  await addMembership(db, { userId: customer.id, teamId: team.id, role: "customer", accountId: mine.id });
  const owner = await createUser(db, { email: "owner@iso.test", password: "long-enough-1" });
  await addMembership(db, { userId: owner.id, teamId: team.id, role: "owner" });
  const key = await createCustomerKey(db, { teamId: team.id, accountId: mine.id }, { name: "portal key" }, { kind: "user", id: customer.id });
  return { team, primaryId, mine: mine.id, other: other.id, customer: customer.id, owner: owner.id, customerKey: key.key };
}

beforeAll(async () => {
  const h = await handle;
  setCurrentHandle(h);
  fx = await fixture();
  server = await startTestServer(h);
});
afterAll(() => server?.close());

const dashboardDir = path.join(process.cwd(), "app", "(dashboard)");
function files(dir: string, name: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), name) : name.test(e.name) ? [path.join(dir, e.name)] : []));
}
const rel = (f: string) => path.relative(process.cwd(), f);

// Every table a dashboard action could write: counted before and after, they must not move.
async function footprint() {
  const { db } = await handle;
  const tables = [schema.accounts, schema.apiKeys, schema.ledgerTransactions, schema.auditEvents, schema.invites, schema.memberships, schema.users, schema.numbers, schema.events, schema.webhookEndpoints];
  const out: number[] = [];
  for (const t of tables) out.push((await db.select({ n: count() }).from(t))[0].n);
  const accounts = await db.select().from(schema.accounts);
  return JSON.stringify([out, accounts], (_k, v) => (typeof v === "bigint" ? String(v) : v));
}

function redirectTarget(e: unknown): string | null {
  const digest = (e as { digest?: string })?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT") ? digest.split(";")[2] : null;
}

function formFor(target: string) {
  const f = new FormData();
  for (const [k, v] of Object.entries({ name: "Hijacked", amount: "10", creditLimit: "999999", externalId: "x", metadata: "{}", confirm: "Other", email: "evil@iso.test", role: "owner", environment: "live", accountId: target, subAccountId: target, reference: "x", status: "suspended" }))
    f.set(k, v);
  return f;
}

describe("a customer session", () => {
  it("is refused by every dashboard server action, on its own sub-account and on another, with nothing written", async () => {
    sessionUserId = fx.customer;
    const before = await footprint();
    const tried: string[] = [];
    // the dashboard's actions, and the portal actions the dashboard renders (invite, branding)
    for (const file of [...files(dashboardDir, /^actions\.ts$/), ...files(path.join(process.cwd(), "lib", "portal"), /-action\.ts$/)]) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function") continue;
        for (const target of [fx.other, fx.mine]) {
          const bound = Array.from({ length: Math.max(0, fn.length - 2) }, (_, i) => (i === 0 ? target : ["suspended", "credit", "to"][i - 1] ?? target));
          let result: unknown;
          try {
            result = await fn(...bound, {}, formFor(target));
          } catch (e) {
            result = e;
          }
          const refused =
            (result as { ok?: boolean })?.ok === false && /role|sign in|not allowed/i.test(String((result as { message?: string }).message)) ||
            (result instanceof Error && /role|sign in|not allowed|forbidden/i.test(result.message)) ||
            (redirectTarget(result) ?? "").startsWith("/portal");
          expect(refused, `${rel(file)} ${name} answered ${JSON.stringify(result)}`).toBe(true);
        }
        tried.push(`${rel(file)}#${name}`);
      }
    }
    expect(tried.length).toBeGreaterThan(10);
    expect(await footprint()).toBe(before);
  });

  it("is sent to the portal by every dashboard page and layout, and refused by its route handlers", async () => {
    sessionUserId = fx.customer;
    const pages = [...files(dashboardDir, /^page\.tsx$/), ...files(dashboardDir, /^layout\.tsx$/)];
    expect(pages.length).toBeGreaterThan(4);
    for (const file of pages) {
      const Page = ((await import(/* @vite-ignore */ file)) as { default: (p: unknown) => Promise<unknown> }).default;
      let thrown: unknown = null;
      try {
        await Page({ params: Promise.resolve({ id: fx.other }), searchParams: Promise.resolve({}), children: null });
      } catch (e) {
        thrown = e;
      }
      expect(redirectTarget(thrown), `${rel(file)} rendered for a customer`).toBe("/portal");
    }
    for (const file of files(dashboardDir, /^route\.ts$/)) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, (req: Request) => Promise<Response>>;
      for (const method of ["GET", "POST", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function")) {
        let status = 0;
        try {
          status = (await mod[method](new Request(`http://127.0.0.1/x?subAccountId=${fx.other}`, { method }))).status;
        } catch (e) {
          status = redirectTarget(e) ? 307 : 500;
        }
        expect([401, 403, 307], `${rel(file)} ${method} answered ${status}`).toContain(status);
      }
    }
  });

  it("reaches its own sub-account in the portal, and team members are kept out of it", async () => {
    const { GET } = await import("@/app/portal/(customer)/charges/export/route");
    const actions = await import("@/app/portal/(customer)/actions");
    sessionUserId = fx.customer;
    expect((await GET(new Request("http://127.0.0.1/portal/charges/export"))).status).toBe(200);
    const created = await actions.createPortalKeyAction({}, new FormData());
    expect(created).toMatchObject({ ok: false, fields: { name: "is required" } });
    sessionUserId = fx.owner;
    expect((await GET(new Request("http://127.0.0.1/portal/charges/export"))).status).toBe(403);
    const f = new FormData();
    f.set("name", "owner via portal");
    expect(await actions.createPortalKeyAction({}, f)).toMatchObject({ ok: false, message: expect.stringMatching(/portal is for customers/) });
    // the harness is no rubber stamp: the same session mock lets an owner act through the dashboard
    const { inviteCustomerAction } = await import("./invite-customer-action");
    expect(await inviteCustomerAction(fx.mine, {}, new FormData())).toMatchObject({ ok: true, secret: expect.stringMatching(/^http:\/\/127\.0\.0\.1:3000\/portal\/join\//) });
    sessionUserId = null;
    expect((await GET(new Request("http://127.0.0.1/portal/charges/export"))).status).toBe(401);
  });

  it("gets an API key that sees its own account and nothing else", async () => {
    const call = (p: string) => fetch(`${server.origin}/api${p}`, { headers: { authorization: `Bearer ${fx.customerKey}` } }).then((r) => r.status);
    expect(await call(`/v1/sub-accounts/${fx.mine}`)).toBe(200);
    expect(await call(`/v1/sub-accounts/${fx.other}`)).toBe(404);
    expect(await call(`/v1/sub-accounts/${fx.other}/balance`)).toBe(404);
    expect(await call(`/v1/charges?subAccountId=${fx.other}`)).toBe(404);
    expect(await call("/v1/sub-accounts")).toBe(403);
    expect(await call("/v1/events")).toBe(403);
    expect(await call("/v1/webhooks")).toBe(403);
    expect(await call("/v1/api-keys")).toBe(403);
  });
});
