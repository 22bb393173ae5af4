import { apiRoute, json } from "@/lib/api/route";
import { HttpError, otherMethods } from "@/lib/api/problem";
import { spendReportQuery } from "@/lib/api/schemas";
import { targetAccountId } from "@/lib/api/scope";
import { loadTeam } from "@/lib/ledger/post-movements";
import { periods, spendReport } from "@/lib/reports/spend-report";

// Every period of [from, to) is present, so a chart needs no gap filling; bounded so one answer stays small.
const MAX_PERIODS = 1000;

export const GET = apiRoute(async ({ db, auth, query }) => {
  const q = query(spendReportQuery);
  const granularity = q.granularity ?? "day";
  if (q.to <= q.from) throw new HttpError(400, "validation_failed", "to: must be after from", { to: "must be after from" });
  // cheap bound first, so an absurd range is refused before its periods are listed
  if (q.to.getTime() - q.from.getTime() > (MAX_PERIODS + 1) * 31 * 86_400_000 || periods(q.from, q.to, granularity).length > MAX_PERIODS)
    throw new HttpError(400, "validation_failed", `to: the range covers more than ${MAX_PERIODS} periods`, { to: `the range covers more than ${MAX_PERIODS} periods` });
  const accountId = auth.isPrimary && q.subAccountId === undefined ? undefined : await targetAccountId(db, auth, q.subAccountId);
  const rows = await spendReport(db, auth.teamId, { from: q.from, to: q.to, granularity, accountId });
  const team = await loadTeam(db, auth.teamId);
  return json({
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    granularity,
    currency: team.currency,
    total: Number(rows.reduce((s, r) => s + r.total, 0n)),
    periods: rows.map((r) => ({ period: r.period, total: Number(r.total), byAccount: Object.fromEntries(Object.entries(r.byAccount).map(([k, v]) => [k, Number(v)])) })),
  });
});

// the other methods: a problem+json 405
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
