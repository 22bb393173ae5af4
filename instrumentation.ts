// Next.js calls register() once when a server process starts. In the Node.js runtime (not the edge, not
// during `next build`) it starts the webhook delivery worker in the background. The database opens on the
// worker's first tick, never at import. SUBLEDGER_WEBHOOK_WORKER=off leaves delivery to other processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.SUBLEDGER_WEBHOOK_WORKER === "off") return;
  const g = globalThis as unknown as { subledgerDeliveryWorker?: unknown };
  if (g.subledgerDeliveryWorker) return; // dev server reloads call register() again
  const { getDb } = await import("./db/client");
  const { startDeliveryWorker } = await import("./lib/webhooks/delivery-worker");
  g.subledgerDeliveryWorker = startDeliveryWorker(getDb);
}
