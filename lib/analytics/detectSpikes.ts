export interface Bucket {
  timestamp: string;
  count: number;
}

export interface SpikeWindow {
  startIndex: number;
  endIndex: number;
  peak: number;
  total: number;
  /** The level the spike was measured against (errors per bucket). */
  baseline: number;
}

export const SPIKE_FACTOR = 3;
export const BASELINE_BUCKETS = 6;
/** A handful of errors after a silent stretch is not a spike. */
export const MIN_SPIKE_COUNT = 5;

/**
 * Spikes: short bursts above the normal level (docs/metrics.md → timeline). Pure.
 *
 * A bucket is exceptional against a level when it has at least MIN_SPIKE_COUNT errors and more than
 * SPIKE_FACTOR × that level (seed 002's 3× rule). The baseline of a bucket is the mean of the
 * BASELINE_BUCKETS most recent buckets before it that were not spikes (a spike never raises the
 * baseline of what follows it). A run is the stretch of buckets exceptional against the baseline of
 * its first bucket. Then:
 * - A run that lasts BASELINE_BUCKETS buckets or more is a new level, not a spike: its buckets are
 *   judged against the run's own median instead (so a burst on top of the new level still is one),
 *   and the rest of it becomes the baseline of what follows.
 * - A shorter run over an established baseline (at least half of its buckets had errors) is a spike.
 * - A shorter run that starts from (next to) nothing has no level to be measured against: when it
 *   fell back inside the window it is judged against the median of the BASELINE_BUCKETS buckets after
 *   it; when it is still going at the window's end, against its own median (errors that just started
 *   are not a spike of themselves).
 * Exceptional buckets next to each other form one spike. `history` holds the buckets before the
 * window, used only as baseline.
 */
export function detectSpikes(buckets: Bucket[], history: number[] = []): SpikeWindow[] {
  const counts = [...history, ...buckets.map((b) => b.count)];
  const offset = history.length;
  /** Buckets that count towards later baselines: all but the spikes'. */
  const normal = counts.map(() => true);
  const spikes: SpikeWindow[] = [];
  let i = offset;
  while (i < counts.length) {
    const base = baselineBefore(counts, normal, i);
    if (!exceptional(counts[i], base.mean)) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < counts.length && exceptional(counts[end + 1], base.mean)) end++;
    const run = counts.slice(i, end + 1);
    const stillGoing = end === counts.length - 1;
    let found: SpikeWindow[];
    if (run.length >= BASELINE_BUCKETS) found = burstsWithin(counts, i, end, median(run));
    else if (base.established) found = burstsWithin(counts, i, end, base.mean);
    else if (stillGoing) found = burstsWithin(counts, i, end, median(run));
    else found = burstsWithin(counts, i, end, median(counts.slice(end + 1, end + 1 + BASELINE_BUCKETS)));
    for (const s of found) {
      for (let j = s.startIndex; j <= s.endIndex; j++) normal[j] = false;
      spikes.push({ ...s, startIndex: s.startIndex - offset, endIndex: s.endIndex - offset });
    }
    i = end + 1;
  }
  return spikes;
}

function exceptional(count: number, level: number): boolean {
  return count >= MIN_SPIKE_COUNT && count > SPIKE_FACTOR * level;
}

/** Mean of the BASELINE_BUCKETS most recent non-spike buckets before `index`, and whether at least half of them had errors. */
function baselineBefore(counts: number[], normal: boolean[], index: number): { mean: number; established: boolean } {
  let n = 0;
  let sum = 0;
  let active = 0;
  for (let j = index - 1; j >= 0 && n < BASELINE_BUCKETS; j--) {
    if (!normal[j]) continue;
    n++;
    sum += counts[j];
    if (counts[j] > 0) active++;
  }
  return { mean: n === 0 ? 0 : sum / n, established: n > 0 && 2 * active >= n };
}

/** Stretches of buckets [from, to] exceptional against `level`, as spikes measured against it (indexes into `counts`). */
function burstsWithin(counts: number[], from: number, to: number, level: number): SpikeWindow[] {
  const out: SpikeWindow[] = [];
  let current: SpikeWindow | null = null;
  for (let j = from; j <= to; j++) {
    if (!exceptional(counts[j], level)) {
      current = null;
      continue;
    }
    if (current) {
      current.endIndex = j;
      current.peak = Math.max(current.peak, counts[j]);
      current.total += counts[j];
    } else {
      current = { startIndex: j, endIndex: j, peak: counts[j], total: counts[j], baseline: level };
      out.push(current);
    }
  }
  return out;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
