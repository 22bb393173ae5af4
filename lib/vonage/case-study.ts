// DESIGN.md's Vonage case study replayed through the unmodified @vonage/subaccounts SDK, with the books
// (balances, credit limits in Vonage's sign, totals, transfer reports) read back after every step.
// Spending and the month-end payment are not part of Vonage's API: the caller supplies them (the tests
// through the domain functions, the command line through the native API).
//
//   npx tsx lib/vonage/case-study.ts --origin http://localhost:3000 --api-key <primary id> --secret <key>
//     [--bearer <native API key, default: the secret>] [--currency USD]
import { SubAccounts, type SubAccountModifyParameters } from "@vonage/subaccounts";
import { parseMajorAmount } from "./amount";

export type CaseStudyHooks = {
  // usage charged to an account, in minor units; throws when the ledger refuses it
  spend(accountId: string, minor: bigint): Promise<void>;
  // a payment received into the primary's balance, in minor units
  pay(minor: bigint): Promise<void>;
};

export type BookLine = { label: string; apiKey: string; balance: number | null; creditLimit: number | null; suspended: boolean; usesPrimaryBalance?: boolean };
export type TransferLine = { amount: number; from: string; to: string; reference: string };
export type Refusal = { status: number | null; detail: string };
export type Books = {
  step: string;
  totalBalance: number;
  totalCreditLimit: number;
  accounts: BookLine[];
  creditTransfers: TransferLine[];
  balanceTransfers: TransferLine[];
  refused?: Refusal;
};

type Page = {
  total_balance: number;
  total_credit_limit: number;
  _embedded: {
    primary_account: { api_key: string; balance: number; credit_limit: number; suspended: boolean };
    subaccounts: { api_key: string; balance: number | null; credit_limit: number | null; suspended: boolean; use_primary_account_balance: boolean }[];
  };
};

// What the SDK throws for a non-2xx answer: a VetchError carrying the fetch response.
export async function refusalOf(e: unknown): Promise<Refusal> {
  const res = (e as { response?: { status: number; text(): Promise<string> } }).response;
  if (!res) return { status: null, detail: e instanceof Error ? e.message : String(e) };
  const text = await res.text().catch(() => "");
  let detail = text;
  try {
    detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, detail };
}

export async function replayCaseStudy(opts: {
  origin: string;
  apiKey: string;
  secret: string;
  currency?: string;
  hooks: CaseStudyHooks;
  log?: (books: Books) => void;
}): Promise<{ books: Books[]; sub1: string; sub2: string }> {
  const currency = opts.currency ?? "USD";
  const minor = (major: string) => parseMajorAmount(major, currency);
  const client = new SubAccounts({ apiKey: opts.apiKey, apiSecret: opts.secret }, { apiHost: `${opts.origin.replace(/\/$/, "")}/api/vonage` });
  const startDate = new Date(Date.now() - 60_000).toISOString();
  const labels = new Map<string, string>([[opts.apiKey, "primary"]]);
  const label = (id: string) => labels.get(id) ?? id;
  const books: Books[] = [];
  // the API takes use_primary_account_balance on PATCH; the SDK's types omit it but send it snake_cased
  const ownBalance = { usePrimaryAccountBalance: false } as SubAccountModifyParameters;

  const snapshot = async (step: string, refused?: Refusal) => {
    const page = (await client.getSubAccountPage()) as unknown as Page;
    const p = page._embedded.primary_account;
    const accounts: BookLine[] = [
      { label: "primary", apiKey: p.api_key, balance: p.balance, creditLimit: p.credit_limit, suspended: p.suspended },
      ...page._embedded.subaccounts
        .filter((s) => labels.has(s.api_key))
        .map((s) => ({
          label: label(s.api_key),
          apiKey: s.api_key,
          balance: s.balance,
          creditLimit: s.credit_limit,
          suspended: s.suspended,
          usesPrimaryBalance: s.use_primary_account_balance,
        })),
    ];
    const line = (t: { amount: number | string; from: string; to: string; reference: string }) => ({ amount: Number(t.amount), from: label(t.from), to: label(t.to), reference: t.reference });
    const b: Books = {
      step,
      totalBalance: page.total_balance,
      totalCreditLimit: page.total_credit_limit,
      accounts,
      creditTransfers: (await client.listCreditTransfers({ startDate })).map(line),
      balanceTransfers: (await client.listBalanceTransfers({ startDate })).map(line),
      ...(refused ? { refused } : {}),
    };
    books.push(b);
    opts.log?.(b);
    return b;
  };
  const refusal = async (p: Promise<unknown>): Promise<Refusal> => {
    try {
      await p;
    } catch (e) {
      return refusalOf(e);
    }
    throw new Error("expected a refusal, but the request went through");
  };

  await snapshot("start: the primary has balance 0 and credit 100");
  const s1 = await client.createSubAccount({ name: "Sub-account 1" });
  const s2 = await client.createSubAccount({ name: "Sub-account 2" });
  labels.set(s1.apiKey, "sub 1").set(s2.apiKey, "sub 2");
  await snapshot("two sub-accounts created, both drawing on the primary's balance");

  await client.updateSubAccount(s1.apiKey, ownBalance);
  await client.transferCredit({ from: opts.apiKey, to: s1.apiKey, amount: "40", reference: "sub 1 opening credit" });
  await snapshot("sub 1 goes own-balance and gets 40 of credit");

  await opts.hooks.spend(opts.apiKey, minor("20"));
  await opts.hooks.spend(s1.apiKey, minor("40"));
  let blocked: Refusal | undefined;
  await opts.hooks.spend(s1.apiKey, minor("0.01")).catch(async (e) => (blocked = await refusalOf(e)));
  if (!blocked) throw new Error("sub 1 spent past its credit limit");
  await snapshot("the primary spends 20, sub 1 spends 40 and is then blocked", blocked);

  const refused = await refusal(client.transferCredit({ from: opts.apiKey, to: s1.apiKey, amount: "41" }));
  await snapshot("41 more credit for sub 1 is refused: the primary has 40 available", refused);
  await client.transferCredit({ from: opts.apiKey, to: s1.apiKey, amount: "20", reference: "sub 1 more credit" });
  await snapshot("20 more credit for sub 1 goes through");

  await opts.hooks.spend(s1.apiKey, minor("10"));
  await snapshot("sub 1 spends 10 more");

  await opts.hooks.pay(minor("70"));
  await snapshot("month end: the partner pays its 70 invoice");
  await client.transferBalance({ from: opts.apiKey, to: s1.apiKey, amount: 45, reference: "sub 1 payment" });
  await snapshot("the partner moves 45 to sub 1");

  await client.updateSubAccount(s2.apiKey, ownBalance);
  await client.transferCredit({ from: opts.apiKey, to: s2.apiKey, amount: "30", reference: "sub 2 opening credit" });
  await opts.hooks.spend(s2.apiKey, minor("25"));
  await client.updateSubAccount(s2.apiKey, { suspended: true });
  await snapshot("sub 2 goes own-balance, gets 30 of credit, spends 25 and is suspended");

  return { books, sub1: s1.apiKey, sub2: s2.apiKey };
}

export function printBooks(b: Books) {
  const n = (v: number | null) => (v === null ? "shared" : String(v));
  console.log(`\n== ${b.step}`);
  if (b.refused) console.log(`   refused: ${b.refused.status ?? ""} ${b.refused.detail}`);
  for (const a of b.accounts)
    console.log(`   ${a.label.padEnd(8)} balance ${n(a.balance).padStart(8)}   credit_limit ${n(a.creditLimit).padStart(8)}${a.suspended ? "   suspended" : ""}`);
  console.log(`   totals   balance ${String(b.totalBalance).padStart(8)}   credit_limit ${String(b.totalCreditLimit).padStart(8)}`);
  const t = (xs: TransferLine[]) => xs.map((x) => `${x.amount} ${x.from}→${x.to}`).join(", ") || "none";
  console.log(`   credit transfers: ${t(b.creditTransfers)}`);
  console.log(`   balance transfers: ${t(b.balanceTransfers)}`);
}

// The command line: spending and the payment go through the native API with a bearer key of the primary.
function nativeHooks(origin: string, bearer: string): CaseStudyHooks {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${origin.replace(/\/$/, "")}/api/v1${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw Object.assign(new Error(`POST ${path} answered ${res.status}`), { response: res });
  };
  return {
    spend: (accountId, amount) => post("/charges", { amount: Number(amount), ...(accountId === "" ? {} : { subAccountId: accountId }) }),
    pay: (amount) => post("/top-ups", { amount: Number(amount), reference: "month-end invoice" }),
  };
}

async function main() {
  const { parseArgs } = await import("node:util");
  const { values } = parseArgs({
    options: { origin: { type: "string" }, "api-key": { type: "string" }, secret: { type: "string" }, bearer: { type: "string" }, currency: { type: "string" } },
  });
  if (!values.origin || !values["api-key"] || !values.secret) {
    console.error("usage: npx tsx lib/vonage/case-study.ts --origin http://localhost:3000 --api-key <primary id> --secret <key> [--bearer <key>] [--currency USD]");
    process.exit(2);
  }
  const apiKey = values["api-key"];
  const hooks = nativeHooks(values.origin, values.bearer ?? values.secret);
  await replayCaseStudy({
    origin: values.origin,
    apiKey,
    secret: values.secret,
    currency: values.currency,
    // the primary charges itself without naming a sub-account
    hooks: { spend: (id, amount) => hooks.spend(id === apiKey ? "" : id, amount), pay: hooks.pay },
    log: printBooks,
  });
}

if (process.argv[1] && /case-study\.ts$/.test(process.argv[1])) {
  main().catch(async (e) => {
    const r = await refusalOf(e);
    console.error(`case study stopped: ${r.status ?? ""} ${r.detail}`);
    process.exit(1);
  });
}
