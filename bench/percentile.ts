// The p-th percentile of a list of latencies (nearest rank); NaN when there is none, so an empty run shows as such.
export function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}
