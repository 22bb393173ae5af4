import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { problemResponse } from "@/lib/api/problem";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    // a health check answers within two seconds even when the database does not
    const probe = getDb().then((db) => db.execute(sql`select 1`));
    probe.catch(() => {}); // if the timeout wins, a late failure is expected, not unhandled
    await Promise.race([probe, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
    return Response.json({ status: "ok" });
  } catch {
    return problemResponse({ status: 503, code: "database_unavailable", detail: "The database is unreachable", instance: "/api/health" });
  }
}
