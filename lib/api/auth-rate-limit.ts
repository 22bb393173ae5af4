// Failed authentication is rate limited per client address: 20 failures a minute, then 429 for a minute.
// In-process memory: each app process limits on its own, which bounds guessing without shared state. On
// globalThis, so the production server's direct route and Next's bundle count together where they share a thread;
// on Postgres Next.js has a thread of its own (scripts/start.ts), so the two count apart.
const WINDOW_MS = 60_000;
const MAX_FAILURES = 20;
const globalForFailures = globalThis as unknown as { subledgerAuthFailures?: Map<string, { count: number; since: number }> };
const failures = (globalForFailures.subledgerAuthFailures ??= new Map());

export function noteAuthFailure(addr: string, now = Date.now()) {
  const f = failures.get(addr);
  if (!f || now - f.since > WINDOW_MS) failures.set(addr, { count: 1, since: now });
  else f.count++;
  if (failures.size > 10_000) for (const [k, v] of failures) if (now - v.since > WINDOW_MS) failures.delete(k);
}

export function authBlocked(addr: string, now = Date.now()) {
  const f = failures.get(addr);
  return !!f && now - f.since <= WINDOW_MS && f.count >= MAX_FAILURES;
}

export function resetAuthFailures() {
  failures.clear();
}
