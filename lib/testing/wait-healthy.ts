// Polls a server's /api/health until it answers 200: for the suites and the bench that start `npm start`.
export async function waitHealthy(origin: string, timeoutMs = 60_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(10_000) });
      await r.arrayBuffer();
      if (r.status === 200) return true;
    } catch {
      // not listening yet, or restarting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
