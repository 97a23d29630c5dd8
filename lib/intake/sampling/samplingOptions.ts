import { env } from "@/lib/env";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOptions, StoreTarget } from "@/lib/ingest/storeEvents";
import { decideSampling, type SpikeSettings } from "@/lib/intake/sampling/spikeDecision";
import { spikeWindows } from "@/lib/intake/sampling/spikeWindows";

/** A project's sampling settings as the ingest key / project caches carry them. */
export interface SamplingSettings {
  spikeProtection: boolean;
  /** Per-issue cap (null: none). */
  maxEventsPerIssue: number | null;
}

export function spikeSettings(): SpikeSettings {
  const e = env();
  return {
    factor: e.SPIKE_PROTECTION_FACTOR,
    minPerMinute: e.SPIKE_PROTECTION_MIN_PER_MINUTE,
    keepOneIn: e.SPIKE_PROTECTION_KEEP_ONE_IN,
    hotIssueMin: e.SPIKE_PROTECTION_HOT_ISSUE_MIN,
  };
}

/**
 * What the store stage keeps of a request's prepared events, decided on both ingest doors (and so
 * on the fast path) before the group commit: spike protection's per-event decision
 * (lib/intake/sampling/spikeDecision.ts over this minute's counts, lib/intake/sampling/spikeWindows.ts)
 * and the project's per-issue cap, applied in the store statement. No query on the request path.
 */
export function samplingOptions(target: StoreTarget, project: SamplingSettings, events: PreparedEvent[], now = Date.now()): StoreOptions {
  const options: StoreOptions = {};
  if (typeof project.maxEventsPerIssue === "number") options.issueCap = { maxEvents: project.maxEventsPerIssue, keepOneIn: env().ISSUE_CAP_KEEP_ONE_IN };
  if (project.spikeProtection && events.length > 0) {
    const windows = spikeWindows();
    const decision = decideSampling(events, windows.window(target, now), spikeSettings());
    windows.add(target.projectId, events.map((e) => e.fingerprint), now);
    if (decision.sampled > 0) options.store = decision.store;
  }
  return options;
}
