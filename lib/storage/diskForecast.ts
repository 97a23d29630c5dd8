const DAY_MS = 86_400_000;

export interface SizeSample {
  at: Date;
  bytes: number;
}

export interface DiskForecast {
  /** Bytes per day the database grew (negative: it shrank, e.g. retention dropping more than arrives). */
  growthPerDay: number | null;
  /** True when there is not yet a day of samples and the growth is estimated from today's ingest. */
  estimated: boolean;
  /** Days until `freeBytes` is used up at that growth; null when not growing or unknown. */
  daysLeft: number | null;
}

/**
 * Growth from the database size samples of the last days (first to last, at least 20 h apart);
 * without them, from an estimate (events stored per day × bytes per stored event).
 */
export function forecastDisk(input: { samples: SizeSample[]; freeBytes: number | null; estimatedGrowthPerDay: number | null }): DiskForecast {
  const samples = [...input.samples].sort((a, b) => a.at.getTime() - b.at.getTime());
  let growthPerDay: number | null = null;
  let estimated = false;
  if (samples.length >= 2) {
    const first = samples[0];
    const last = samples[samples.length - 1];
    const days = (last.at.getTime() - first.at.getTime()) / DAY_MS;
    if (days >= 20 / 24) growthPerDay = (last.bytes - first.bytes) / days;
  }
  if (growthPerDay === null && input.estimatedGrowthPerDay !== null) {
    growthPerDay = input.estimatedGrowthPerDay;
    estimated = true;
  }
  const daysLeft = input.freeBytes !== null && growthPerDay !== null && growthPerDay > 0 ? Math.max(0, input.freeBytes / growthPerDay) : null;
  return { growthPerDay: growthPerDay === null ? null : Math.round(growthPerDay), estimated, daysLeft: daysLeft === null ? null : Math.round(daysLeft * 10) / 10 };
}
