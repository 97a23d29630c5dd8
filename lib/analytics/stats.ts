/** avg / median / p95 of a list of numbers (nearest-rank percentiles); zeros for an empty list. */
export function summarise(values: number[]): { avg: number; median: number; p95: number } {
  if (values.length === 0) return { avg: 0, median: 0, p95: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const avg = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { avg: round(avg), median: round(rank(0.5)), p95: round(rank(0.95)) };
}

/**
 * Nearest-rank percentile of a histogram — values with their counts, in ascending value order — the
 * same rank summarise takes in the list the histogram counts (0 for an empty one).
 */
export function histogramPercentile(histogram: { value: number; count: number }[], p: number): number {
  const total = histogram.reduce((n, b) => n + b.count, 0);
  if (total <= 0) return 0;
  const rank = Math.min(total, Math.max(1, Math.ceil(p * total)));
  let seen = 0;
  for (const bucket of histogram) {
    seen += bucket.count;
    if (seen >= rank) return bucket.value;
  }
  return histogram[histogram.length - 1].value;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function percentage(part: number, whole: number): number {
  return whole > 0 ? round((100 * part) / whole) : 0;
}

/** Code-point order for ids and keys: deterministic tie-breaks, far cheaper than localeCompare in large sorts. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The first `n` items in `compare` order, without sorting them all: one pass that keeps a small
 * sorted list (for the top 10 of 10,000s of groups). Stable for items that compare equal.
 */
export function topN<T>(items: Iterable<T>, n: number, compare: (a: T, b: T) => number): T[] {
  if (n > 256) return [...items].sort(compare).slice(0, n); // insertion would cost O(n²) for deep pages
  const top: T[] = [];
  if (n <= 0) return top;
  for (const item of items) {
    if (top.length === n && compare(item, top[n - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && compare(item, top[i - 1]) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > n) top.pop();
  }
  return top;
}
