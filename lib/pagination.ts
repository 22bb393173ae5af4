// Cursor pagination shared by every list: an opaque cursor holding the last row's sequence number.
import { Invalid } from "@/lib/errors";

export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeCursor(seq: bigint | number) {
  return Buffer.from(String(seq)).toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): bigint | null {
  if (!cursor) return null;
  const raw = Buffer.from(cursor, "base64url").toString();
  if (!/^\d{1,19}$/.test(raw)) throw new Invalid({ cursor: "is not a cursor this API gave out" });
  return BigInt(raw);
}

export function clampLimit(limit: number | undefined, fallback = 50) {
  const l = limit ?? fallback;
  if (!Number.isInteger(l) || l < 1 || l > 100) throw new Invalid({ limit: "must be a whole number from 1 to 100" });
  return l;
}

// Fetch limit+1 rows, newest first; the extra row tells whether there is a next page.
export function toPage<T>(rows: T[], limit: number, seqOf: (row: T) => bigint | number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(seqOf(items[items.length - 1])) : null };
}
