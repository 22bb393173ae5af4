// A scripted run of spend alerts over the real HTTP API: creates a sub-account with a 100.00 cap, registers
// a webhook to a local receiver, fires concurrent charges across 50/80/100% of the cap, then prints the events
// the ledger produced and the webhooks that arrived (each signature verified).
//
//   SUBLEDGER_URL=http://localhost:3000 SUBLEDGER_KEY=<primary key> npx tsx lib/alerts/alerts-walkthrough.ts
//
// The server's delivery worker (instrumentation.ts) sends the webhooks; the receiver listens on 127.0.0.1,
// so run this on the server's machine.
import { pathToFileURL } from "node:url";
import { verifySignature } from "@/lib/webhooks/signature";
import { startReceiver } from "@/lib/webhooks/testing";

export type WalkthroughResult = {
  subAccountId: string;
  accepted: number;
  refused: number;
  events: { id: string; type: string; data: Record<string, unknown> }[];
  webhooks: { type: string; threshold?: unknown; signatureValid: boolean }[];
};

export async function runAlertsWalkthrough(opts: {
  origin: string;
  primaryKey: string;
  charges?: number;
  log?: (line: string) => void;
  waitForWebhooksMs?: number;
}): Promise<WalkthroughResult> {
  const log = opts.log ?? console.log;
  const n = opts.charges ?? 120;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${opts.origin}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${opts.primaryKey}`, ...(body ? { "content-type": "application/json" } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const must = <T extends { status: number; body: unknown }>(r: T, what: string) => {
    if (r.status >= 300) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r;
  };

  const receiver = await startReceiver();
  try {
    const hook = must(await call("POST", "/v1/webhooks", { url: receiver.url, events: ["subaccount.limit_threshold", "subaccount.blocked"], description: "alerts walkthrough" }), "create webhook").body.webhook;
    const cap = 10_000;
    const sub = must(await call("POST", "/v1/sub-accounts", { name: `Alerts walkthrough ${new Date().toISOString()}`, creditLimit: cap }), "create sub-account").body.subAccount;
    log(`sub-account ${sub.id}: cap ${cap} minor units; webhook ${hook.id} → ${receiver.url}`);

    // 100 charges of cap/100 reach the cap exactly; the rest must be refused, never overshoot
    const amount = cap / 100;
    log(`firing ${n} concurrent charges of ${amount}…`);
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) => call("POST", "/v1/charges", { subAccountId: sub.id, amount, description: `walkthrough #${i + 1}` }, { "idempotency-key": `${sub.id}-${i}` })),
    );
    const accepted = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 402).length;
    log(`accepted ${accepted}, refused ${refused} (over the cap)`);

    const events = must(await call("GET", `/v1/events?subAccountId=${sub.id}&limit=100`), "list events").body.items.reverse() as WalkthroughResult["events"];
    log("events, oldest first:");
    for (const e of events) log(`  #${e.id} ${e.type}${e.data.threshold !== undefined ? ` at ${e.data.threshold}% (spent ${e.data.totalSpent} of ${e.data.creditLimit})` : ""}`);

    const deadline = Date.now() + (opts.waitForWebhooksMs ?? 15_000);
    while (receiver.received.length < events.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const webhooks = receiver.received.map((r) => {
      const body = JSON.parse(r.body);
      return { type: body.type as string, threshold: body.data.threshold, signatureValid: verifySignature(hook.secret, r.headers["subledger-signature"] as string, r.body) };
    });
    log(`webhooks received: ${webhooks.length}`);
    for (const w of webhooks) log(`  ${w.type}${w.threshold !== undefined ? ` ${w.threshold}%` : ""}, signature ${w.signatureValid ? "valid" : "INVALID"}`);
    await call("DELETE", `/v1/webhooks/${hook.id}`);
    return { subAccountId: sub.id, accepted, refused, events, webhooks };
  } finally {
    await receiver.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const origin = process.env.SUBLEDGER_URL ?? "http://localhost:3000";
  const primaryKey = process.env.SUBLEDGER_KEY;
  if (!primaryKey) {
    console.error("Set SUBLEDGER_KEY to a primary API key (and SUBLEDGER_URL if the server is not on localhost:3000).");
    process.exit(2);
  }
  runAlertsWalkthrough({ origin, primaryKey }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
