import { inSample } from "@/lib/ingest/eventSample";

/** The knobs of spike protection (lib/env.ts SPIKE_PROTECTION_*). */
export interface SpikeSettings {
  /** N: a spike is more than N × the baseline per minute. */
  factor: number;
  /** The absolute floor: below this many events per minute nothing is a spike. */
  minPerMinute: number;
  /** K: during a spike a hot issue keeps 1 in K occurrences. */
  keepOneIn: number;
  /** An issue is hot once it has more than this many events in the current minute (at least 1). */
  hotIssueMin: number;
}

/** A project is spiking when this minute's events pass both N × its baseline and the floor. */
export function isSpike(currentPerMinute: number, baselinePerMinute: number, settings: Pick<SpikeSettings, "factor" | "minPerMinute">): boolean {
  return currentPerMinute > settings.minPerMinute && currentPerMinute > settings.factor * baselinePerMinute;
}

/** What is known of the current minute before a batch: the project's events, and each issue's. */
export interface SpikeWindow {
  /** The project's events this minute so far (all instances, as far as known). */
  projectCount: number;
  /** Events per issue fingerprint this minute so far. */
  issueCounts: ReadonlyMap<string, number>;
  /** Average events per minute over the baseline period; null while it is not known yet (no sampling). */
  baselinePerMinute: number | null;
}

export interface SamplingDecision {
  /** Per event, in batch order: false = counted in every total, its occurrence not kept. */
  store: boolean[];
  /** How many are not kept. */
  sampled: number;
}

/**
 * Spike protection for one batch of a project, events in order: each event adds to the minute's
 * project and issue counts; while the project is spiking, an event of a hot issue (more than
 * `hotIssueMin` events this minute, this one included) is kept only when it is in the 1-in-K sample.
 * An issue's first events of the minute are always kept, so a new issue's first event never is
 * sampled (the store also keeps the first event of every new issue whatever this says).
 */
export function decideSampling(events: readonly { eventId: string; fingerprint: string }[], window: SpikeWindow, settings: SpikeSettings): SamplingDecision {
  const store: boolean[] = [];
  let sampled = 0;
  let projectCount = window.projectCount;
  const batchCounts = new Map<string, number>();
  for (const event of events) {
    projectCount += 1;
    const issueCount = (window.issueCounts.get(event.fingerprint) ?? 0) + (batchCounts.get(event.fingerprint) ?? 0) + 1;
    batchCounts.set(event.fingerprint, (batchCounts.get(event.fingerprint) ?? 0) + 1);
    const spiking = window.baselinePerMinute !== null && isSpike(projectCount, window.baselinePerMinute, settings);
    const hot = issueCount > Math.max(1, settings.hotIssueMin);
    const keep = !(spiking && hot) || inSample(event.eventId, settings.keepOneIn);
    store.push(keep);
    if (!keep) sampled += 1;
  }
  return { store, sampled };
}
