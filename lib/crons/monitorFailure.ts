import type { MonitorRow } from "@/lib/crons/monitorRow";
import type { IngestEvent } from "@/lib/ingest/eventSchema";

/** The type of the issues cron monitors' failures make. */
export const MONITOR_FAILURE_TYPE = "CronMonitorFailure";

export type FailureReason = "error" | "missed" | "timeout";

/** A failed run to report as an event of the monitor's issue. */
export interface MonitorFailure {
  monitorId: string;
  workspaceId: string;
  projectId: string;
  slug: string;
  environment: string;
  release: string | null;
  reason: FailureReason;
  checkInId: string;
  at: Date;
  /** Missed runs: when the check-in was due. Timeouts: the run's limit in minutes. */
  expectedAt?: Date;
  maxRuntime?: number;
  schedule?: string;
  /** Uptime monitors: the URL checked, and what it answered. */
  url?: string;
  detail?: string;
}

/** A failure of `monitor`'s run `checkInId` at `at`; callers add what they know (release, due time, schedule, runtime). */
export function failureOf(
  monitor: Pick<MonitorRow, "id" | "workspaceId" | "projectId" | "slug" | "environment" | "url">,
  checkInId: string,
  reason: FailureReason,
  at: Date,
): MonitorFailure {
  const { id: monitorId, workspaceId, projectId, slug, environment, url } = monitor;
  return { monitorId, workspaceId, projectId, slug, environment, release: null, reason, checkInId, at, ...(url && { url }) };
}

/**
 * The event a failed run becomes: one issue per monitor and environment (its own fingerprint, so
 * the wording of the message never splits it), titled `CronMonitorFailure` with what went wrong.
 * The check-in's id is the event id, so a retried check-in is counted once.
 */
export function monitorFailureEvent(failure: MonitorFailure): IngestEvent {
  return {
    eventId: `cron:${failure.checkInId}`,
    type: MONITOR_FAILURE_TYPE,
    message: failureMessage(failure),
    severity: "high",
    category: failure.url ? "uptime" : "cron",
    source: failure.url ? "uptime-monitor" : "cron-monitor",
    platform: "cron",
    occurredAt: failure.at.toISOString(),
    environment: failure.environment,
    ...(failure.release && { release: failure.release }),
    tags: { "monitor.slug": failure.slug, "monitor.reason": failure.reason },
    fingerprint: ["cron-monitor", failure.slug, failure.environment],
    context: {
      monitor: {
        slug: failure.slug,
        reason: failure.reason,
        checkInId: failure.checkInId,
        ...(failure.schedule && { schedule: failure.schedule }),
        ...(failure.expectedAt && { expectedAt: failure.expectedAt.toISOString() }),
        ...(failure.url && { url: failure.url }),
        ...(failure.detail && { detail: failure.detail }),
      },
    },
  };
}

function failureMessage(failure: MonitorFailure): string {
  if (failure.url) {
    const name = `Uptime monitor ${failure.slug} (${failure.environment})`;
    if (failure.reason === "error") return `${name} is down: ${failure.detail ?? "the check failed"} (${failure.url})`;
    if (failure.reason === "missed") return `${name} was not checked: a check was due at ${failure.expectedAt?.toISOString() ?? "its scheduled time"} (no instance ran the uptime-checks job)`;
  }
  const name = `Cron monitor ${failure.slug} (${failure.environment})`;
  switch (failure.reason) {
    case "error":
      return `${name} failed: the run checked in with status error`;
    case "missed":
      return `${name} missed a check-in: a run was due at ${failure.expectedAt?.toISOString() ?? "its scheduled time"}${failure.schedule ? ` (${failure.schedule})` : ""}`;
    case "timeout":
      return `${name} timed out: the run was still in progress after ${failure.maxRuntime ?? "its"} minutes`;
  }
}
