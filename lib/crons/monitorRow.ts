import type { IntervalUnit, MonitorSchedule } from "@/lib/crons/monitorConfig";
import type { MonitorState } from "@/lib/crons/monitorTransition";

/** A CronMonitor row as the check-in store and the sweep read it (locked). */
export interface MonitorRow extends MonitorState {
  id: string;
  workspaceId: string;
  projectId: string;
  slug: string;
  environment: string;
  scheduleType: string | null;
  scheduleValue: string | null;
  scheduleUnit: string | null;
  timezone: string;
  checkinMargin: number;
  maxRuntime: number;
  nextExpectedAt: Date | null;
  groupId: string | null;
  /** Uptime monitors: the URL Faultline requests (null for a cron job that checks in). */
  url: string | null;
  /** Uptime monitors: the check's settings as stored (readUptimeCheck). */
  uptimeCheck: unknown;
  /** Uptime monitors: the request headers, sealed (uptimeSecrets.ts); null without any. */
  uptimeSecrets: unknown;
  /** Failures raise no issue events (runs and status are still kept). */
  muted: boolean;
}

/** The stored schedule, or null when the monitor has none (no check-in carried monitor_config yet). */
export function scheduleOf(row: Pick<MonitorRow, "scheduleType" | "scheduleValue" | "scheduleUnit">): MonitorSchedule | null {
  if (row.scheduleType === "crontab" && row.scheduleValue) return { type: "crontab", value: row.scheduleValue };
  if (row.scheduleType === "interval" && row.scheduleValue && row.scheduleUnit) {
    return { type: "interval", value: Number(row.scheduleValue), unit: row.scheduleUnit as IntervalUnit };
  }
  return null;
}

/** The stored columns of a schedule. */
export function scheduleColumns(schedule: MonitorSchedule): { scheduleType: string; scheduleValue: string; scheduleUnit: string | null } {
  return schedule.type === "crontab"
    ? { scheduleType: "crontab", scheduleValue: schedule.value.trim(), scheduleUnit: null }
    : { scheduleType: "interval", scheduleValue: String(schedule.value), scheduleUnit: schedule.unit };
}

export const MONITOR_COLUMNS = `id, "workspaceId", "projectId", slug, environment, "scheduleType", "scheduleValue", "scheduleUnit", timezone,
  "checkinMargin", "maxRuntime", "failureIssueThreshold", "recoveryThreshold", status, "consecutiveFailures", "consecutiveOks",
  "nextExpectedAt", "groupId", url, muted, "uptimeCheck", "uptimeSecrets"`;
