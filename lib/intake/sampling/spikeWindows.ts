import type { SpikeWindow } from "@/lib/intake/sampling/spikeDecision";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";
import { boundedQuery } from "@/lib/db/boundedQuery";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** The shared count of the current minute (IngestMinute) is re-read at most this often per project. */
const SHARED_MAX_AGE_MS = 5_000;
/** The baseline (24 h of hourly rollups) is re-read at most this often per project. */
const BASELINE_MAX_AGE_MS = 60_000;
/** Projects tracked per instance; beyond it, projects idle since the last minute are forgotten. */
const MAX_PROJECTS = 10_000;

interface ProjectMinute {
  minute: number;
  /** Events this instance saw for the project this minute, and per issue fingerprint. */
  local: number;
  issues: Map<string, number>;
  /** The shared count (every instance's flushed ingest counters) at its last read, and `local` then. */
  shared: { count: number; localAtRead: number; readAt: number } | null;
  sharedReading: boolean;
  baseline: { perMinute: number; readAt: number } | null;
  baselineReading: boolean;
}

export interface SpikeCounts {
  /** Reads the project's current-minute count from every instance (IngestMinute, accepted + sampled). */
  readShared(projectId: string, minuteStart: Date): Promise<number>;
  /** Reads the project's average events per minute over the 24 whole hours before `hourStart`. */
  readBaseline(workspaceId: string, projectId: string, hourStart: Date): Promise<number>;
}

/**
 * Per-instance view of each project's current minute for spike protection: this instance's own
 * counts (project and per issue), plus the project's count on every instance from the ingest-health
 * counters (IngestMinute, flushed by each instance every few seconds) re-read in the background at
 * most every 5 s, and its baseline from the per-project hourly rollups (ProjectBucket) re-read at
 * most every minute. Reads never hold up a request: until the first baseline read has answered, the
 * project is not sampled. Hot issues are judged on this instance's counts (each instance sees its
 * share of a spike, and a hot issue is hot on each).
 */
export class SpikeWindows {
  private readonly projects = new Map<string, ProjectMinute>();

  constructor(
    private readonly counts: SpikeCounts,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** What is known of the minute before a batch (refreshing shared counts and the baseline when due). */
  window(target: { workspaceId: string; projectId: string }, now: number): SpikeWindow {
    const p = this.minuteOf(target.projectId, now);
    this.refresh(target, p, now);
    const shared = p.shared ? p.shared.count + (p.local - p.shared.localAtRead) : 0;
    return { projectCount: Math.max(p.local, shared), issueCounts: p.issues, baselinePerMinute: p.baseline?.perMinute ?? null };
  }

  /** Adds a batch's events (by fingerprint) to this minute's counts. */
  add(projectId: string, fingerprints: readonly string[], now: number): void {
    const p = this.minuteOf(projectId, now);
    p.local += fingerprints.length;
    for (const f of fingerprints) p.issues.set(f, (p.issues.get(f) ?? 0) + 1);
  }

  private minuteOf(projectId: string, now: number): ProjectMinute {
    const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
    let p = this.projects.get(projectId);
    if (!p) {
      if (this.projects.size >= MAX_PROJECTS) this.forgetIdle(minute);
      p = { minute, local: 0, issues: new Map(), shared: null, sharedReading: false, baseline: null, baselineReading: false };
      this.projects.set(projectId, p);
    } else if (p.minute !== minute) {
      p.minute = minute;
      p.local = 0;
      p.issues = new Map();
      p.shared = null;
    }
    return p;
  }

  private refresh(target: { workspaceId: string; projectId: string }, p: ProjectMinute, now: number): void {
    if (!p.sharedReading && (!p.shared || now - p.shared.readAt > SHARED_MAX_AGE_MS)) {
      p.sharedReading = true;
      const minute = p.minute;
      const localAtRead = p.local;
      this.counts
        .readShared(target.projectId, new Date(minute))
        .then((count) => {
          if (p.minute === minute) p.shared = { count, localAtRead, readAt: now };
        }, this.onError)
        .finally(() => {
          p.sharedReading = false;
        });
    }
    if (!p.baselineReading && (!p.baseline || now - p.baseline.readAt > BASELINE_MAX_AGE_MS)) {
      p.baselineReading = true;
      this.counts
        .readBaseline(target.workspaceId, target.projectId, new Date(Math.floor(now / HOUR_MS) * HOUR_MS))
        .then((perMinute) => {
          p.baseline = { perMinute, readAt: now };
        }, this.onError)
        .finally(() => {
          p.baselineReading = false;
        });
    }
  }

  private forgetIdle(minute: number): void {
    for (const [id, p] of this.projects) if (p.minute < minute - MINUTE_MS) this.projects.delete(id);
  }
}

/** The database reads of SpikeWindows: one primary-key row, and one index range of hourly rollups. */
export const databaseSpikeCounts: SpikeCounts = {
  async readShared(projectId, minuteStart) {
    const { rows } = await boundedQuery<{ n: number }>(
      `SELECT coalesce(sum(accepted::bigint + sampled), 0)::float8 AS n FROM "IngestMinute" WHERE "projectId" = $1 AND minute = $2`,
      [projectId, minuteStart],
    );
    return rows[0].n;
  },
  async readBaseline(workspaceId, projectId, hourStart) {
    const { rows } = await boundedQuery<{ n: number }>(
      `SELECT coalesce(sum(count), 0)::float8 AS n FROM "ProjectBucket"
       WHERE "workspaceId" = $1 AND span = 60 AND bucket >= $2 AND bucket < $3 AND "projectId" = $4`,
      [workspaceId, new Date(hourStart.getTime() - 24 * HOUR_MS), hourStart, projectId],
    );
    return rows[0].n / (24 * 60);
  },
};

const globalForSpikes = globalThis as unknown as { faultlineSpikeWindows?: SpikeWindows };

/** This process's spike windows over the database. */
export function spikeWindows(): SpikeWindows {
  globalForSpikes.faultlineSpikeWindows ??= new SpikeWindows(databaseSpikeCounts, (error) =>
    logger.warn("spike protection read failed", { error: errorMessage(error) }),
  );
  return globalForSpikes.faultlineSpikeWindows;
}
