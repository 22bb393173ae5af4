// The numbers of a team, or of one of its accounts, in number order, cursor-paginated.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { numbers } from "@/db/schema";
import { Invalid } from "@/lib/errors";
import { clampLimit, type Page } from "@/lib/pagination";
import type { PhoneNumber } from "./schemas";

// (number, country) is unique per team, so it orders the list and marks a page's end on its own.
function encodeCursor(n: PhoneNumber) {
  return Buffer.from(`${n.number}:${n.country}`).toString("base64url");
}

function decodeCursor(cursor: string): { number: string; country: string } {
  const m = /^(\d{3,15}):([A-Z]{2})$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw new Invalid({ cursor: "is not a cursor this API gave out" });
  return { number: m[1], country: m[2] };
}

export async function listNumbers(
  db: Db,
  teamId: string,
  f: { accountId?: string; limit?: number; cursor?: string | null } = {},
): Promise<Page<PhoneNumber>> {
  const limit = clampLimit(f.limit);
  const where: SQL[] = [eq(numbers.teamId, teamId)];
  if (f.accountId) where.push(eq(numbers.accountId, f.accountId));
  if (f.cursor) {
    const after = decodeCursor(f.cursor);
    where.push(sql`(${numbers.number}, ${numbers.country}) > (${after.number}, ${after.country})`);
  }
  const rows = await db
    .select()
    .from(numbers)
    .where(and(...where))
    .orderBy(asc(numbers.number), asc(numbers.country))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
}
