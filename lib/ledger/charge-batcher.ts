// Group commit for hot balances: charges for the same team that arrive in one turn of the event loop, or while
// earlier batches are posting, go as one batch — one lock round, one commit — while every caller still gets its
// own exact answer.
// (TigerBeetle batches transfers the same way.) postMovements decides every admission; this only gathers.
import type { Db } from "@/db/client";
import { pgCode } from "@/db/errors";
import { postMovements } from "./post-movements";
import type { Movement, MovementResult } from "./types";

type Waiter = { movement: Movement; resolve: (r: MovementResult) => void; reject: (e: unknown) => void };

export class ChargeBatcher {
  private queues = new Map<string, Waiter[]>();
  // per team: batches being posted, and whether one is already waiting out its window
  private running = new Map<string, number>();
  private gathering = new Set<string>();
  // how many batches were posted: what group commit saves is charges minus batches
  batches = 0;
  // the most batches one team had in flight at once
  peakInFlight = 0;

  constructor(
    private readonly db: () => Promise<Db>,
    private readonly opts: { maxBatch: number; windowMs: number; inFlight?: number; deepQueue?: number } = { maxBatch: 256, windowMs: 0, inFlight: 2, deepQueue: 16 },
  ) {}

  // One batch at a time while the queue is short: each commit then carries more charges, which costs Postgres
  // less per charge. Another batch goes out beside it only once deepQueue charges wait.
  private wantsAnother(running: number, queued: number) {
    return running === 0 || (running < (this.opts.inFlight ?? 1) && queued >= (this.opts.deepQueue ?? 0));
  }

  submit(teamId: string, movement: Movement): Promise<MovementResult> {
    return new Promise((resolve, reject) => {
      const q = this.queues.get(teamId) ?? [];
      q.push({ movement, resolve, reject });
      this.queues.set(teamId, q);
      const running = this.running.get(teamId) ?? 0;
      if (this.wantsAnother(running, q.length) && !this.gathering.has(teamId)) {
        this.running.set(teamId, running + 1);
        this.peakInFlight = Math.max(this.peakInFlight, running + 1);
        this.gathering.add(teamId);
        const go = () => {
          this.gathering.delete(teamId);
          void this.drain(teamId);
        };
        // a window of 0 gathers what arrived in this turn of the event loop
        if (this.opts.windowMs > 0) setTimeout(go, this.opts.windowMs);
        else setImmediate(go);
      }
    });
  }

  // Up to inFlight batches per team at once: while one holds the hot rows through its commit, the next is already
  // on its way and waiting on their locks inside Postgres, so no round trip to this process sits between them.
  // Both lock in the ledger's one order, so they never deadlock.
  private async drain(teamId: string) {
    for (;;) {
      const q = this.queues.get(teamId) ?? [];
      const running = this.running.get(teamId) ?? 1;
      if (!q.length || !this.wantsAnother(running - 1, q.length)) {
        const left = running - 1;
        if (left) this.running.set(teamId, left);
        else this.running.delete(teamId);
        return;
      }
      const batch = q.splice(0, this.opts.maxBatch);
      this.batches++;
      try {
        const results = await postMovements(await this.db(), teamId, batch.map((w) => w.movement));
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (e) {
        // A value Postgres refuses (class 22: a NUL character, a number out of range) fails the one statement that
        // writes the whole batch. Each charge is posted again on its own, so only the one carrying it is refused.
        if (batch.length > 1 && pgCode(e)?.startsWith("22")) await this.postEach(teamId, batch);
        else batch.forEach((w) => w.reject(e));
      }
    }
  }

  private async postEach(teamId: string, batch: Waiter[]) {
    for (const w of batch) {
      try {
        const [result] = await postMovements(await this.db(), teamId, [w.movement]);
        w.resolve(result);
      } catch (e) {
        w.reject(e);
      }
    }
  }
}
