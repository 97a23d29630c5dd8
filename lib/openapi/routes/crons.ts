import { z } from "zod";
import { CheckInListQuerySchema } from "@/lib/crons/listCheckIns";
import { MonitorListQuerySchema } from "@/lib/crons/listMonitors";
import { MonitorConfigSchema, MonitorParamsSchema, UpdateMonitorSchema } from "@/lib/crons/monitorConfig";
import { CreateUptimeMonitorSchema } from "@/lib/crons/uptime/uptimeSchemas";
import { WorkspaceParamsSchema } from "@/lib/http/workspaceRoute";
import type { RouteSpec } from "@/lib/openapi/routeSpec";
import { CHECK_IN_STATUSES } from "@/lib/sentry/mapCheckIn";

const CronParams = z.object({
  projectId: z.string().describe("the project's numeric DSN id (publicId)"),
  slug: z.string().describe("the monitor's slug (normalised: lower case, other characters than a-z 0-9 _ - become -; at most 64 characters, else 400 naming monitor_slug)"),
  key: z.string().describe("the DSN's public key"),
});
const CheckInFields = z.object({
  status: z.enum(CHECK_IN_STATUSES),
  check_in_id: z.string().optional().describe("the run's UUID: an in_progress check-in is closed by ok/error with the same id"),
  environment: z.string().optional().describe("default production; each environment is its own monitor"),
  duration: z.number().optional().describe("seconds, 0 to 2147483 (else 400 naming duration)"),
  release: z.string().optional(),
});
const CheckInBody = CheckInFields.partial().extend({ monitor_config: MonitorConfigSchema.optional() });

export const cronRoutes: RouteSpec[] = [
  {
    method: "GET", path: "/api/{projectId}/cron/{slug}/{key}/", tag: "Sentry protocol", auth: "none",
    summary: "A cron monitor's check-in over plain HTTP (curl in a crontab)",
    description: "Sentry's HTTP check-in: the fields in the query string. The key in the path must be the project's (403 otherwise). The first check-in creates the monitor; 400 names the field (e.g. `status`). Counted against the project's rate limit and quotas in windows of its own, apart from events (429 naming `monitor`).",
    params: CronParams, query: CheckInFields,
    responses: { 202: "`{id}`: the check-in's id" }, errors: [400, 403, 404, 429],
  },
  {
    method: "POST", path: "/api/{projectId}/cron/{slug}/{key}/", tag: "Sentry protocol", auth: "none",
    summary: "A cron monitor's check-in, with its schedule",
    description: "As GET; the fields may also come as a JSON body (≤ 64 KiB), with `monitor_config` ({schedule: {type: crontab, value} | {type: interval, value, unit}, checkin_margin, max_runtime (minutes), timezone, failure_issue_threshold, recovery_threshold}) to create or update the monitor's schedule. Query fields win over the body's.",
    params: CronParams, query: CheckInFields.partial(), body: CheckInBody,
    responses: { 202: "`{id}`: the check-in's id" }, errors: [400, 403, 404, 413, 429],
  },
  {
    method: "GET", path: "/api/v1/workspaces/{workspaceId}/monitors", tag: "Crons", auth: "session", role: "viewer",
    summary: "The workspace's cron monitors (failing first), each with its schedule, status, next due time, issue and latest 30 runs",
    params: WorkspaceParamsSchema, query: MonitorListQuerySchema,
    responses: { 200: "`{items}`" }, errors: [401, 404, 422],
  },
  {
    method: "POST", path: "/api/v1/workspaces/{workspaceId}/monitors", tag: "Crons", auth: "session", role: "admin",
    summary: "Create an uptime monitor: Faultline requests the URL every intervalMinutes (audited)",
    description: "A monitor with a URL, due at once: the uptime-checks job GETs it (10 s timeout, redirects followed); 2xx and 3xx are up, anything else (another status, refused, unknown host, timeout) is a failed run. After failureIssueThreshold failed runs in a row its issue (CronMonitorFailure, category uptime) gets an event saying what the URL answered; recoveryThreshold good runs resolve it. The same slug and environment in the project is 409.",
    params: WorkspaceParamsSchema, body: CreateUptimeMonitorSchema,
    responses: { 201: "the monitor (its URL with any password masked)" }, errors: [401, 403, 404, 409, 422],
  },
  {
    method: "POST", path: "/api/v1/monitors/{id}/check", tag: "Crons", auth: "session", role: "member",
    summary: "Check an uptime monitor's URL now (recorded as a run, like the job's)",
    description: "At most 5 checks of a monitor a minute, whoever asks, counted in PostgreSQL across instances: past that, 429 `too_many_checks` with Retry-After (the schedule's own checks are not counted).",
    params: MonitorParamsSchema,
    responses: { 200: "`{checkInId, ok, detail, durationMs}`" }, errors: [400, 401, 403, 404, 422, 429],
  },
  {
    method: "GET", path: "/api/v1/monitors/{id}/check-ins", tag: "Crons", auth: "session", role: "viewer",
    summary: "One monitor and its runs (in_progress, ok, error, missed, timeout), newest first, paged",
    params: MonitorParamsSchema, query: CheckInListQuerySchema,
    responses: { 200: "`{monitor, items, page, pageSize, total}`" }, errors: [401, 404, 422],
  },
  {
    method: "PATCH", path: "/api/v1/monitors/{id}", tag: "Crons", auth: "session", role: "member",
    summary: "Change a monitor's schedule, time zone, margin, max runtime, thresholds, mute or (uptime monitors) URL (audited)",
    description: "A new schedule, zone or margin makes the next run due at the schedule's next tick from now. A muted monitor keeps its runs and status but raises no issue events. A check-in carrying monitor_config replaces the settings again. `url` changes an uptime monitor's URL (admins only; checked at once; 422 on a cron monitor); an uptime monitor cannot lose its schedule. `headers`, and in `uptimeCheck` (replaced whole) a changed `method`, `body`, `keyword`, `keywordAbsent` or `ignoreTlsErrors`, are admins' too: 403 naming the field (`field: \"uptimeCheck.keyword\"`); members change the expected statuses, timeout and certificate warning.",
    params: MonitorParamsSchema, body: UpdateMonitorSchema,
    responses: { 200: "the monitor" }, errors: [401, 403, 404, 422],
  },
  {
    method: "DELETE", path: "/api/v1/monitors/{id}", tag: "Crons", auth: "session", role: "admin",
    summary: "Delete a monitor and its runs (audited; a job still checking in creates it again)",
    params: MonitorParamsSchema, responses: { 204: "deleted" }, errors: [401, 403, 404, 422],
  },
];
