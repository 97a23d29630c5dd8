import { describeSchedule } from "@/lib/crons/monitorSchedule";
import { maskMonitorUrl } from "@/lib/crons/uptime/maskMonitorUrl";
import { readUptimeCheck } from "@/lib/crons/uptime/uptimeCheckSchema";
import { maskedUptimeHeaders } from "@/lib/crons/uptime/uptimeSecrets";
import { scheduleOf, type MonitorRow } from "@/lib/crons/monitorRow";

/** A CronMonitor row with its project's name, as the monitor lists read it (alias `m`, project `p`). */
export type MonitorListRow = Omit<MonitorRow, "workspaceId" | "consecutiveFailures" | "consecutiveOks"> & {
  projectName: string;
  lastCheckInAt: Date | null;
  lastCheckInStatus: string | null;
  createdAt: Date;
  uptimeCheck: unknown;
  uptimeSecrets: unknown;
};

export const MONITOR_LIST_COLUMNS = `m.id, m."projectId", p.name AS "projectName", m.slug, m.environment, m."scheduleType", m."scheduleValue",
  m."scheduleUnit", m.timezone, m."checkinMargin", m."maxRuntime", m."failureIssueThreshold", m."recoveryThreshold", m.status,
  m."lastCheckInAt", m."lastCheckInStatus", m."nextExpectedAt", m."groupId", m.url, m.muted, m."createdAt", m."uptimeCheck", m."uptimeSecrets"`;

/** One run as the API answers it. */
export interface CheckInRow {
  id: string;
  status: string;
  durationMs: number | null;
  release: string | null;
  /** Uptime checks: what the URL answered. */
  detail: string | null;
  expectedAt: Date | null;
  createdAt: Date;
}

export function toCheckInDto(row: CheckInRow) {
  return {
    id: row.id,
    status: row.status,
    durationMs: row.durationMs,
    release: row.release,
    detail: row.detail,
    expectedAt: row.expectedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type CheckInDto = ReturnType<typeof toCheckInDto>;

/** A monitor as the API answers it: the schedule in words (null while no check-in has sent one). */
export function toMonitorDto(row: MonitorListRow) {
  const schedule = scheduleOf(row);
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    slug: row.slug,
    environment: row.environment,
    schedule: schedule ? describeSchedule(schedule, row.timezone) : null,
    /** The schedule as set (for editing); null when none. */
    scheduleConfig: schedule,
    timezone: row.timezone,
    checkinMargin: row.checkinMargin,
    maxRuntime: row.maxRuntime,
    failureIssueThreshold: row.failureIssueThreshold,
    recoveryThreshold: row.recoveryThreshold,
    status: row.status,
    muted: row.muted,
    lastCheckInAt: row.lastCheckInAt?.toISOString() ?? null,
    lastCheckInStatus: row.lastCheckInStatus,
    nextExpectedAt: row.nextExpectedAt?.toISOString() ?? null,
    issueId: row.groupId,
    /** Uptime monitors: the URL Faultline checks (a password and secret-named query values masked); null for cron jobs. */
    url: row.url === null ? null : maskMonitorUrl(row.url),
    /** Uptime monitors: what a check asserts besides reaching the URL (defaults filled in); null for cron jobs. */
    uptimeCheck: row.url === null ? null : readUptimeCheck(row.uptimeCheck),
    /** Uptime monitors: the request headers it sends, values masked; null for cron jobs. */
    headers: row.url === null ? null : maskedUptimeHeaders(row.id, row.uptimeSecrets),
    createdAt: row.createdAt.toISOString(),
  };
}
export type MonitorDto = ReturnType<typeof toMonitorDto>;
