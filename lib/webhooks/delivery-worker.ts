// The background delivery loop of a server process (started from instrumentation.ts). It opens the database
// on its first tick, never at import. stop() lets the sends in flight finish and record their answers, so a
// stopped worker neither loses nor repeats a delivery.
import type { Db } from "@/db/client";
import { runDeliveryOnce, type RunOptions } from "./deliver-webhooks";

export type DeliveryWorker = { stop(): Promise<void>; readonly running: boolean };

export function startDeliveryWorker(
  getDb: () => Promise<Db>,
  opts: RunOptions & { idleMs?: number; onError?: (e: unknown) => void } = {},
): DeliveryWorker {
  const idleMs = opts.idleMs ?? 1000;
  let stopped = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        const db = await getDb();
        const run = await runDeliveryOnce(db, opts);
        failures = 0;
        // keep going while there is work; rest when a pass found nothing
        if (!run.attempted && !run.dispatched) await sleep(idleMs);
      } catch (e) {
        failures++;
        (opts.onError ?? ((err) => console.error("[webhooks] delivery pass failed:", err)))(e);
        await sleep(Math.min(idleMs * 2 ** failures, 60_000));
      }
    }
  })();

  return {
    get running() {
      return !stopped;
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
