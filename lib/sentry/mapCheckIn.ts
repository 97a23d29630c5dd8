import { randomUUID } from "node:crypto";
import { MonitorConfigSchema, monitorSettingsOf, type MonitorSettings } from "@/lib/crons/monitorConfig";
import { ApiError } from "@/lib/http/ApiError";
import { scrubString } from "@/lib/ingest/scrub";
import { asObject, asText, clipText } from "@/lib/sentry/coerce";
import { normaliseEventId } from "@/lib/sentry/eventId";

export const CHECK_IN_STATUSES = ["in_progress", "ok", "error"] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** One check-in of a cron monitor, validated (Sentry Crons: `check_in` items and the cron endpoint). */
export interface CheckInInput {
  /** The run's id (a UUID): an in_progress check-in is closed by ok/error with the same id. */
  checkInId: string;
  /** `check_in_id: "latest"`: the monitor's newest run still in progress (else a new run with `checkInId`). */
  latest: boolean;
  slug: string;
  status: CheckInStatus;
  /** The run's duration when the SDK measured it. */
  durationMs: number | null;
  environment: string;
  release: string | null;
  /** Present when the check-in upserts the monitor's schedule (`monitor_config`). */
  settings: MonitorSettings | null;
  /** What an uptime check found ("HTTP 503"); SDK check-ins have none. */
  detail?: string;
}

/** The longest monitor slug, as uptime monitors' (Sentry caps at 50; 64 keeps every slug Sentry takes): longer ones are refused, 400 naming `monitor_slug`. */
export const MAX_SLUG = 64;
/** The longest duration a run may report: what the int4 milliseconds column holds (about 24.8 days). */
const MAX_DURATION_MS = 2_147_483_647;
const MAX_DURATION_SECONDS = Math.floor(MAX_DURATION_MS / 1000);
const DEFAULT_ENVIRONMENT = "production";

/**
 * A `check_in` item (`Sentry.captureCheckIn`, `withMonitor`, Python's `@monitor`, the Java, Go,
 * PHP, Ruby and .NET SDKs' check-ins): `{ check_in_id, monitor_slug, status, duration (seconds),
 * environment, release, monitor_config? }`; `check_in_id: "latest"` closes the monitor's newest run
 * in progress, as Sentry's HTTP check-ins allow. The slug is normalised as Sentry does (lower case,
 * other characters than a-z 0-9 _ - become `-`); a missing check-in id gets one. 400 naming the
 * field for a missing slug or one longer than MAX_SLUG, an unknown status, a duration that is not a
 * number of seconds from 0 to MAX_DURATION_SECONDS, or a config that does not parse (e.g. a crontab
 * field out of range, an unknown time zone).
 */
export function mapCheckIn(payload: unknown, where: string): CheckInInput {
  const item = asObject(payload);
  if (!item) throw ApiError.badRequest(`${where}: a check_in must be a JSON object`, { field: where });
  const slug = normaliseSlug(item.monitor_slug);
  if (!slug) throw ApiError.badRequest(`${where}: check_in.monitor_slug is required: the monitor's slug`, { field: "monitor_slug" });
  if (slug.length > MAX_SLUG) throw ApiError.badRequest(`${where}: check_in.monitor_slug may be at most ${MAX_SLUG} characters`, { field: "monitor_slug", limit: MAX_SLUG });
  const status = asText(item.status);
  if (!CHECK_IN_STATUSES.includes(status as CheckInStatus)) {
    throw ApiError.badRequest(`${where}: check_in.status must be one of ${CHECK_IN_STATUSES.join(", ")}`, { field: "status" });
  }
  return {
    checkInId: checkInIdOf(item.check_in_id, where),
    latest: item.check_in_id === "latest",
    slug,
    status: status as CheckInStatus,
    durationMs: durationMsOf(item.duration, where),
    // Stored and shown as sent: scrubbed like an event's environment and release.
    environment: scrubbed(clipText(item.environment, 64)) ?? DEFAULT_ENVIRONMENT,
    release: scrubbed(clipText(item.release, 256)) ?? null,
    settings: settingsOf(item.monitor_config, where),
  };
}

function scrubbed(text: string | undefined): string | undefined {
  return text === undefined ? undefined : scrubString(text);
}

/**
 * Sentry's slug rule: lower case, runs of other characters than a-z 0-9 _ - become one `-`. Not cut:
 * a slug longer than MAX_SLUG is refused (two long slugs cut to one prefix became one monitor).
 */
export function normaliseSlug(value: unknown): string | undefined {
  const text = asText(value)?.trim().toLowerCase();
  if (!text) return undefined;
  const slug = text.replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || undefined;
}

function checkInIdOf(value: unknown, where: string): string {
  if (value === undefined || value === null || value === "" || value === "latest") return randomUUID();
  const hex = normaliseEventId(value);
  if (!hex) throw ApiError.badRequest(`${where}: check_in.check_in_id must be a UUID`, { field: "check_in_id" });
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Seconds (a float, or its text from a query string) to whole milliseconds; none when absent (null,
 * ""). Anything else — negative, not a number, infinite (`1e400`), beyond the int4 column — is a 400
 * naming `duration`: a run's duration silently dropped looked like a run that did not report one.
 */
function durationMsOf(value: unknown, where: string): number | null {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return null;
  const seconds = typeof value === "string" ? Number(value) : value;
  const ms = typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : NaN;
  if (!(ms <= MAX_DURATION_MS)) {
    throw ApiError.badRequest(`${where}: check_in.duration must be a number of seconds from 0 to ${MAX_DURATION_SECONDS}`, { field: "duration" });
  }
  return ms;
}

function settingsOf(value: unknown, where: string): MonitorSettings | null {
  if (value === undefined || value === null) return null;
  const parsed = MonitorConfigSchema.safeParse(value);
  if (parsed.success) return monitorSettingsOf(parsed.data);
  const issue = parsed.error.issues[0];
  const field = ["monitor_config", ...issue.path.map(String)].join(".");
  throw ApiError.badRequest(`${where}: check_in.${field}: ${issue.message}`, { field });
}
