// CSV of the transfers report's filtered set, for the signed-in team member only.
import { getDb } from "@/db/client";
import { requireRole, TEAM_ROLES } from "@/lib/auth/session";
import { readTransferFilter } from "@/lib/dashboard/transfer-filter";
import { transfersCsv } from "@/lib/dashboard/transfers-csv";
import { Forbidden, Invalid, Unauthorized } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  try {
    const user = await requireRole(...TEAM_ROLES);
    const sp = Object.fromEntries(new URL(req.url).searchParams);
    const csv = await transfersCsv(await getDb(), user.teamId, readTransferFilter(sp));
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="transfers-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof Unauthorized) return new Response("Sign in first", { status: 401 });
    if (e instanceof Forbidden) return new Response(e.message, { status: 403 });
    if (e instanceof Invalid) return new Response(e.message, { status: 400 });
    throw e;
  }
}
