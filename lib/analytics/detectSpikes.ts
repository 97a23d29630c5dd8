export interface Bucket {
  timestamp: string;
  count: number;
}

export interface SpikeWindow {
  startIndex: number;
  endIndex: number;
  peak: number;
  total: number;
  baseline: number;
}

export const SPIKE_FACTOR = 3;
export const BASELINE_BUCKETS = 6;
/** A handful of errors after a silent stretch is not a spike. */
export const MIN_SPIKE_COUNT = 5;

/**
 * A bucket is a spike when its count exceeds SPIKE_FACTOR × the mean of the BASELINE_BUCKETS buckets
 * before it (seed 002's 3× rule) and at least MIN_SPIKE_COUNT. The baseline is the trailing mean
 * before the run started, so a long spike does not raise its own baseline; adjacent spike buckets
 * merge into one spike. `history` holds the buckets before the window, used only as baseline.
 */
export function detectSpikes(buckets: Bucket[], history: number[] = []): SpikeWindow[] {
  const counts = [...history, ...buckets.map((b) => b.count)];
  const offset = history.length;
  const spikes: SpikeWindow[] = [];
  let current: SpikeWindow | null = null;
  for (let i = offset; i < counts.length; i++) {
    const baseline: number = current ? current.baseline : trailingMean(counts, i);
    const isSpike = counts[i] >= MIN_SPIKE_COUNT && counts[i] > SPIKE_FACTOR * baseline;
    if (isSpike) {
      if (current) {
        current.endIndex = i - offset;
        current.peak = Math.max(current.peak, counts[i]);
        current.total += counts[i];
      } else {
        current = { startIndex: i - offset, endIndex: i - offset, peak: counts[i], total: counts[i], baseline };
      }
    } else if (current) {
      spikes.push(current);
      current = null;
    }
  }
  if (current) spikes.push(current);
  return spikes;
}

function trailingMean(counts: number[], index: number): number {
  const from = Math.max(0, index - BASELINE_BUCKETS);
  const slice = counts.slice(from, index);
  if (slice.length === 0) return 0;
  return slice.reduce((a, b) => a + b, 0) / slice.length;
}
