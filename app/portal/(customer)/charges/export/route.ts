import { getDb } from "@/db/client";
import { Forbidden, Unauthorized } from "@/lib/errors";
import { requireCustomer } from "@/lib/portal/customer-scope";
import { customerChargesCsv, customerChargesRange } from "@/lib/portal/customer-charges";

// The customer's charges of a date range as CSV; the account comes from the session only.
export async function GET(req: Request) {
  try {
    const c = await requireCustomer();
    const url = new URL(req.url);
    const range = customerChargesRange({ from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
    if (!range.ok) return new Response(range.error, { status: 400, headers: { "content-type": "text/plain" } });
    const csv = await customerChargesCsv(await getDb(), c, c.currency, range.value);
    const name = `charges-${url.searchParams.get("from") || "all"}-${url.searchParams.get("to") || "now"}.csv`;
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof Unauthorized) return new Response("Sign in first", { status: 401 });
    if (e instanceof Forbidden) return new Response(e.message, { status: 403 });
    throw e;
  }
}
