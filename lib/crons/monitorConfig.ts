import { z } from "zod";
import { isKnownTimezone, nextCrontabTick, parseCrontab } from "@/lib/crons/crontab";
import { UptimeCheckSchema } from "@/lib/crons/uptime/uptimeCheckSchema";
import { ExtraHeadersSchema } from "@/lib/http/extraHeadersSchema";
import { HttpUrlSchema } from "@/lib/http/httpUrlSchema";
import { IdSchema } from "@/lib/domain/idSchema";

export const INTERVAL_UNITS = ["minute", "hour", "day", "week", "month", "year"] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];
const YEARS_PER_UNIT: Record<IntervalUnit, number> = { minute: 1 / 525_600, hour: 1 / 8_760, day: 1 / 365, week: 7 / 365, month: 1 / 12, year: 1 };
const MAX_INTERVAL_YEARS = 100;

/** How often a monitored job runs: Sentry's `monitor_config.schedule`. */
export const MonitorScheduleSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("crontab"),
    value: z
      .string()
      .max(200)
      .superRefine((value, ctx) => {
        const parsed = parseCrontab(value);
        if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
        // A day that never comes (February 30th, April 31st): the monitor would never be due, so never missed.
        else if (nextCrontabTick(parsed.crontab, new Date(), "UTC") === null) ctx.addIssue({ code: "custom", message: "never fires: no date matches its day of month and month (e.g. February 30th)" });
      }),
  }),
  z
    .object({
      type: z.literal("interval"),
      value: z.coerce.number().int().min(1).max(1_000_000),
      unit: z.enum(INTERVAL_UNITS),
    })
    // A million years is past the last date JavaScript (and PostgreSQL) can hold: the next run would be no date.
    .refine((s) => s.value * YEARS_PER_UNIT[s.unit] <= MAX_INTERVAL_YEARS, { message: `must be at most ${MAX_INTERVAL_YEARS} years`, path: ["value"] }),
]);
export type MonitorSchedule = z.output<typeof MonitorScheduleSchema>;

/** An IANA time zone name this runtime knows. */
const TimezoneSchema = z.string().max(64).refine(isKnownTimezone, "must be an IANA time zone, e.g. Europe/Berlin");
/** Minutes of a margin or a run time: up to 28 days. */
const MAX_MINUTES = 40_320;
/** Consecutive runs for the failure and recovery thresholds. */
const MAX_THRESHOLD = 720;

/** Optional numbers: SDKs send null for what the user left unset. */
const optionalCount = (min: number, max: number) => z.number().int().min(min).max(max).nullish();

/**
 * `monitor_config` of a check-in (upserts the monitor's schedule and thresholds). Minutes for the
 * margin and the run time, as Sentry has them; defaults where a field is absent or null.
 */
export const MonitorConfigSchema = z.object({
  schedule: MonitorScheduleSchema,
  checkin_margin: optionalCount(0, MAX_MINUTES),
  max_runtime: optionalCount(1, MAX_MINUTES),
  timezone: TimezoneSchema.nullish(),
  failure_issue_threshold: optionalCount(1, MAX_THRESHOLD),
  recovery_threshold: optionalCount(1, MAX_THRESHOLD),
});

/** A monitor's settings as stored (CronMonitor). */
export interface MonitorSettings {
  schedule: MonitorSchedule;
  timezone: string;
  checkinMargin: number;
  maxRuntime: number;
  failureIssueThreshold: number;
  recoveryThreshold: number;
}

export const MONITOR_DEFAULTS = { timezone: "UTC", checkinMargin: 1, maxRuntime: 30, failureIssueThreshold: 1, recoveryThreshold: 1 } as const;

export function monitorSettingsOf(config: z.output<typeof MonitorConfigSchema>): MonitorSettings {
  return {
    schedule: config.schedule,
    timezone: config.timezone ?? MONITOR_DEFAULTS.timezone,
    checkinMargin: config.checkin_margin ?? MONITOR_DEFAULTS.checkinMargin,
    maxRuntime: config.max_runtime ?? MONITOR_DEFAULTS.maxRuntime,
    failureIssueThreshold: config.failure_issue_threshold ?? MONITOR_DEFAULTS.failureIssueThreshold,
    recoveryThreshold: config.recovery_threshold ?? MONITOR_DEFAULTS.recoveryThreshold,
  };
}

/** Path parameters of /api/v1/monitors/:id (422 naming `id` when it is not a UUID). */
export const MonitorParamsSchema = z.object({ id: IdSchema });

/** PATCH /api/v1/monitors/:id: any subset of the settings (a check-in's monitor_config later replaces them again). */
export const UpdateMonitorSchema = z
  .object({
    schedule: MonitorScheduleSchema.nullable(),
    timezone: TimezoneSchema,
    checkinMargin: z.number().int().min(0).max(MAX_MINUTES),
    maxRuntime: z.number().int().min(1).max(MAX_MINUTES),
    failureIssueThreshold: z.number().int().min(1).max(MAX_THRESHOLD),
    recoveryThreshold: z.number().int().min(1).max(MAX_THRESHOLD),
    muted: z.boolean(),
    /** Uptime monitors only (admins): the URL to request. */
    url: HttpUrlSchema,
    /** Uptime monitors only (members and admins): what a check asserts (replaces the whole check). */
    uptimeCheck: UptimeCheckSchema,
    /** Uptime monitors only (admins): the request headers, replacing the set; a masked value keeps that header's value. */
    headers: ExtraHeadersSchema,
  })
  .partial()
  .strict();
export type UpdateMonitorInput = z.infer<typeof UpdateMonitorSchema>;
