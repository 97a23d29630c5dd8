import { z } from "zod";
import { isKnownTimezone, parseCrontab } from "@/lib/crons/crontab";

export const INTERVAL_UNITS = ["minute", "hour", "day", "week", "month", "year"] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

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
      }),
  }),
  z.object({
    type: z.literal("interval"),
    value: z.coerce.number().int().min(1).max(1_000_000),
    unit: z.enum(INTERVAL_UNITS),
  }),
]);
export type MonitorSchedule = z.output<typeof MonitorScheduleSchema>;

/** Optional numbers: SDKs send null for what the user left unset. */
const optionalCount = (min: number, max: number) => z.number().int().min(min).max(max).nullish();

/**
 * `monitor_config` of a check-in (upserts the monitor's schedule and thresholds). Minutes for the
 * margin and the run time, as Sentry has them; defaults where a field is absent or null.
 */
export const MonitorConfigSchema = z.object({
  schedule: MonitorScheduleSchema,
  checkin_margin: optionalCount(0, 40_320),
  max_runtime: optionalCount(1, 40_320),
  timezone: z
    .string()
    .max(64)
    .nullish()
    .refine((tz) => tz == null || isKnownTimezone(tz), "must be an IANA time zone, e.g. Europe/Berlin"),
  failure_issue_threshold: optionalCount(1, 720),
  recovery_threshold: optionalCount(1, 720),
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
export const MonitorParamsSchema = z.object({ id: z.uuid() });

/** PATCH /api/v1/monitors/:id: any subset of the settings (a check-in's monitor_config later replaces them again). */
export const UpdateMonitorSchema = z
  .object({
    schedule: MonitorScheduleSchema.nullable(),
    timezone: z.string().max(64).refine(isKnownTimezone, "must be an IANA time zone, e.g. Europe/Berlin"),
    checkinMargin: z.number().int().min(0).max(40_320),
    maxRuntime: z.number().int().min(1).max(40_320),
    failureIssueThreshold: z.number().int().min(1).max(720),
    recoveryThreshold: z.number().int().min(1).max(720),
    muted: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateMonitorInput = z.infer<typeof UpdateMonitorSchema>;
