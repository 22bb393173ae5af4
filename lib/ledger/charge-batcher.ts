// Group commit for hot balances: charges arriving within a couple of milliseconds for the same team are
// posted as one batch — one lock round, one commit — while every caller still gets its own exact answer.
// (TigerBeetle batches transfers the same way.) postMovements decides every admission; this only gathers.
import type { Db } from "@/db/client";
import { postMovements } from "./post-movements";
import type { Movement, MovementResult } from "./types";

type Waiter = { movement: Movement; resolve: (r: MovementResult) => void; reject: (e: unknown) => void };

export class ChargeBatcher {
  private queues = new Map<string, Waiter[]>();
  private flushing = new Set<string>();
  // how many batches were posted: what group commit saves is charges minus batches
  batches = 0;

  constructor(
    private readonly db: () => Promise<Db>,
    private readonly opts: { maxBatch: number; windowMs: number } = { maxBatch: 256, windowMs: 1 },
  ) {}

  submit(teamId: string, movement: Movement): Promise<MovementResult> {
    return new Promise((resolve, reject) => {
      const q = this.queues.get(teamId) ?? [];
      q.push({ movement, resolve, reject });
      this.queues.set(teamId, q);
      if (!this.flushing.has(teamId)) {
        this.flushing.add(teamId);
        setTimeout(() => void this.drain(teamId), this.opts.windowMs);
      }
    });
  }

  // One batch in flight per team: while it commits, the next one gathers.
  private async drain(teamId: string) {
    for (;;) {
      const q = this.queues.get(teamId) ?? [];
      if (!q.length) {
        this.flushing.delete(teamId);
        return;
      }
      const batch = q.splice(0, this.opts.maxBatch);
      this.batches++;
      try {
        const results = await postMovements(await this.db(), teamId, batch.map((w) => w.movement));
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (e) {
        batch.forEach((w) => w.reject(e));
      }
    }
  }
}
