// Credit and balance transfers have one shape in Vonage's API, so both routes are made here from one kind.
import { apiRoute } from "@/lib/api/route";
import { parseWith } from "@/lib/api/body";
import { loadTeam } from "@/lib/ledger/post-movements";
import { listTransfers } from "@/lib/transfers/list-transfers";
import { transferBalance, transferCredit } from "@/lib/transfers/transfer";
import type { LedgerTransaction } from "@/lib/ledger/types";
import type { Db } from "@/db/client";
import { majorText, parseMajorAmount } from "./amount";
import { TransferRefused } from "@/lib/errors";
import { vonageDialect } from "./dialect";
import { vonageJson } from "./json";
import { transferBody, transferListQuery } from "./schemas";
import { transferJson, type TransferKind } from "./serialize";

type Params = { api_key: string };

// Vonage answers a report in one piece; the domain pages by 100, so the pages are walked here, oldest first.
async function transferReport(db: Db, teamId: string, kind: TransferKind, f: { from: Date; to?: Date; accountId?: string }) {
  const rows: LedgerTransaction[] = [];
  let cursor: string | null = null;
  do {
    const page = await listTransfers(db, teamId, { kinds: [`${kind}_transfer`], ...f, limit: 100, cursor });
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows.reverse();
}

export function transferRoutes(kind: TransferKind) {
  const move = kind === "credit" ? transferCredit : transferBalance;
  return {
    GET: apiRoute<Params>(async ({ db, auth, url }) => {
      const q = parseWith(transferListQuery, Object.fromEntries(url.searchParams));
      const team = await loadTeam(db, auth.teamId);
      const rows = await transferReport(db, auth.teamId, kind, q);
      return vonageJson({ _embedded: { [`${kind}_transfers`]: rows.map((t) => transferJson(kind, t, team.currency)) } });
    }, vonageDialect),

    POST: apiRoute<Params>(async ({ db, auth, body }) => {
      const input = body(transferBody);
      const team = await loadTeam(db, auth.teamId);
      const amount = parseMajorAmount(input.amount, team.currency);
      const t = await move(db, auth.teamId, { from: input.from, to: input.to, amount, reference: input.reference ?? null }, auth.actor).catch((e) => {
        // the ledger speaks minor units; a Vonage partner reads major ones
        if (e instanceof TransferRefused)
          throw new TransferRefused(`Transfer of ${majorText(amount, team.currency)} refused: ${input.from} has ${majorText(e.available, team.currency)} available to transfer`, e.available);
        throw e;
      });
      return vonageJson(transferJson(kind, t, team.currency));
    }, vonageDialect),
  };
}
