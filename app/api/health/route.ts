import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { problemResponse } from "@/lib/api/problem";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok" });
  } catch {
    return problemResponse({ status: 503, code: "database_unavailable", detail: "The database is unreachable", instance: "/api/health" });
  }
}
