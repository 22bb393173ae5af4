import { afterAll, beforeAll, expect, it } from "vitest";
import { setupTestServer } from "@/lib/testing/setup-test-server";
import { makeTeam } from "@/lib/testing/fixtures";
import { startDeliveryWorker } from "@/lib/webhooks/delivery-worker";
import { runAlertsWalkthrough } from "./alerts-walkthrough";

const { handle, server } = setupTestServer();

it("the walkthrough crosses 50/80/100% with concurrent charges: one event per mark, each delivered signed", async () => {
  const { db } = await handle;
  const { primaryKey } = await makeTeam(db, { balance: 1_000_000n });
  // the server process's worker, as instrumentation.ts starts it
  const worker = startDeliveryWorker(async () => db, { idleMs: 20 });
  const lines: string[] = [];
  try {
    const r = await runAlertsWalkthrough({ origin: server.origin, primaryKey, charges: 120, log: (l) => lines.push(l) });
    expect(r.accepted).toBe(100);
    expect(r.refused).toBe(20);
    expect(r.events.map((e) => [e.type, e.data.threshold])).toEqual([
      ["subaccount.limit_threshold", 50],
      ["subaccount.limit_threshold", 80],
      ["subaccount.limit_threshold", 100],
      ["subaccount.blocked", undefined],
    ]);
    // deliveries run side by side, so arrival order is not promised
    const byMark = (w: { type: string; threshold?: unknown }) => `${w.type}:${String(w.threshold).padStart(3, "0")}`;
    expect([...r.webhooks].sort((a, b) => byMark(a).localeCompare(byMark(b)))).toEqual([
      { type: "subaccount.blocked", threshold: undefined, signatureValid: true },
      { type: "subaccount.limit_threshold", threshold: 50, signatureValid: true },
      { type: "subaccount.limit_threshold", threshold: 80, signatureValid: true },
      { type: "subaccount.limit_threshold", threshold: 100, signatureValid: true },
    ]);
    expect(lines).toContain("accepted 100, refused 20 (over the cap)");
  } finally {
    await worker.stop();
  }
});
