import { z } from "zod";
import { ExecutionsBodySchema } from "@/lib/executions/executionSchema";
import { IngestEventSchema, MAX_BATCH_EVENTS } from "@/lib/ingest/eventSchema";
import { ReportDialogFormSchema, ReportDialogQuerySchema } from "@/lib/feedback/reportDialog/reportDialogSchemas";
import type { RouteSpec } from "@/lib/openapi/routeSpec";

const SentryParams = z.object({ projectId: z.string().describe("the project's numeric DSN id (publicId)") });
const UnrealParams = SentryParams.extend({ key: z.string().describe("the project's ingest key (the DSN's public key)") });
const SentryIdSchema = z.object({ id: z.string().nullable().describe("the event id, hex"), spooled: z.literal(true).optional().describe("PostgreSQL was unavailable: kept in the local spool, stored on replay") });
const INGEST_ERRORS = [400, 401, 403, 413, 415, 422, 429, 503];
const SENTRY_ERRORS = [400, 401, 403, 404, 413, 429, 503];

const EventsQuerySchema = z.object({
  key: z.string().optional().describe("the ingest key, for browsers' sendBeacon (which cannot set headers); with a text/plain body"),
});

const IngestBodySchema = z.union([
  IngestEventSchema,
  z.array(IngestEventSchema).max(MAX_BATCH_EVENTS),
  z.object({ events: z.array(IngestEventSchema).max(MAX_BATCH_EVENTS) }),
]);

export const ingestRoutes: RouteSpec[] = [
  {
    method: "POST", path: "/api/v1/events", tag: "Ingest", auth: "ingestKey",
    summary: "Report one event, an array, or {events: [...]} (≤ 1,000)",
    description: "Events are validated one by one: valid ones are stored and invalid ones listed by index in `rejected`; only when none is valid is the request refused (422). 202 once everything accepted is committed, or, while PostgreSQL is unavailable, durably in the local spool (`spooled: true`, stored on replay). 503 with Retry-After when the spool is full. Idempotent on `eventId`. Browsers may send the key as `?key=` with a `text/plain` JSON body (a CORS simple request; what sendBeacon sends); every answer carries `Access-Control-Allow-Origin: *` and exposes Retry-After.",
    query: EventsQuerySchema,
    body: IngestBodySchema,
    responses: { 202: "`{accepted: [{index, eventId, groupId, duplicate}], rejected: [{index, issues}], spooled?: true}`" },
    errors: INGEST_ERRORS,
  },
  {
    method: "OPTIONS", path: "/api/v1/events", tag: "Ingest", auth: "none",
    summary: "CORS preflight for browser clients that send the key in a header",
    responses: { 204: "CORS headers (any origin; X-Faultline-Key, Content-Type, Content-Encoding allowed)" },
  },
  {
    method: "POST", path: "/api/v1/executions", tag: "Ingest", auth: "ingestKey",
    summary: "Report execution / request counts (the error-rate denominator)",
    body: ExecutionsBodySchema,
    responses: { 202: "`{accepted: <number of counts>}`" },
    errors: INGEST_ERRORS,
  },
  {
    method: "POST", path: "/api/{projectId}/envelope/", tag: "Sentry protocol", auth: "sentryKey",
    summary: "Sentry envelope endpoint (any official SDK, unchanged)",
    description: "Items: event/error are stored (completed from an `event.minidump` attachment when one came with them, or made from it alone — a dump cut short as far as it reads, one that is no minidump at all as `Native crash (unreadable minidump)`; the dump is kept as an attachment), session/sessions become execution counts, client_report discard counts, user_report/feedback user feedback (400 naming the field without an event id or words), check_in cron monitors' runs (400 naming the field: monitor_slug, status, duration, monitor_config); other item types are accepted and dropped (an event item of `\"type\": \"transaction\"` too; one of `\"type\": \"feedback\"` is user feedback). gzip/deflate/br, chunked. Over the rate limit or a quota: 429 with Retry-After and X-Sentry-Rate-Limits naming the categories refused — except an envelope of only sessions, client reports and check-ins (at most 64 KiB), which is still taken; check-ins count against limits of their own (429 naming `monitor`). 200 with `spooled: true` when PostgreSQL is unavailable and the events are in the local spool (stored on replay); 503 with Retry-After when the spool is full.",
    params: SentryParams, bodyContentType: "application/x-sentry-envelope",
    responses: { 200: { description: "stored, or spooled while PostgreSQL is unavailable (`spooled: true`; stored on replay)", schema: SentryIdSchema } },
    errors: SENTRY_ERRORS,
  },
  {
    method: "OPTIONS", path: "/api/{projectId}/envelope/", tag: "Sentry protocol", auth: "none",
    summary: "CORS preflight for browser SDKs", params: SentryParams,
    responses: { 204: "CORS headers for the project's allowed origins" },
  },
  {
    method: "POST", path: "/api/{projectId}/store/", tag: "Sentry protocol", auth: "sentryKey",
    summary: "Legacy Sentry store endpoint (one JSON event; legacy clients' base64/zlib bodies and sentry.interfaces.* names accepted)",
    description: "A body of `\"type\": \"transaction\"` (tracing SDKs from before envelopes) is dropped on purpose, answered with its id; one of `\"type\": \"feedback\"` is user feedback.",
    params: SentryParams,
    responses: { 200: { description: "stored, or spooled while PostgreSQL is unavailable (`spooled: true`; stored on replay)", schema: SentryIdSchema } },
    errors: SENTRY_ERRORS,
  },
  {
    method: "OPTIONS", path: "/api/{projectId}/store/", tag: "Sentry protocol", auth: "none",
    summary: "CORS preflight for browser SDKs", params: SentryParams,
    responses: { 204: "CORS headers for the project's allowed origins" },
  },
  {
    method: "POST", path: "/api/{projectId}/minidump/", tag: "Sentry protocol", auth: "sentryKey",
    summary: "Native crash upload (Crashpad, Breakpad, Electron's crashReporter)",
    description: "multipart/form-data (gzip allowed): the dump in `upload_file_minidump`; the SDK's event as JSON in `sentry`, as `sentry[release]`-style fields, as Electron's `sentry___initialScope` or sentry-native's msgpack `__sentry-event` file, whose `__sentry-breadcrumb1`/`2` files add their breadcrumbs; other plain fields are kept as extra. The dump (`event.minidump`) and the other files (an attached log) are kept as the event's attachments, each at most 10 MiB, at most 20. The crash reason (signal, Mach exception or Windows exception code), crash address and crash module are read from the dump (no symbolication). A dump cut short is stored as far as it could be read (`Native crash (truncated minidump)` when its exception stream was lost). 400 names the field (`upload_file_minidump`) when the dump is missing or not a minidump at all (no MDMP header); 20 MiB on the wire, 40 MiB decoded.",
    params: SentryParams, bodyContentType: "multipart/form-data",
    responses: { 200: { description: "stored, or spooled while PostgreSQL is unavailable (`spooled: true`; stored on replay)", schema: SentryIdSchema } },
    errors: SENTRY_ERRORS,
  },
  {
    method: "OPTIONS", path: "/api/{projectId}/minidump/", tag: "Sentry protocol", auth: "none",
    summary: "CORS preflight", params: SentryParams,
    responses: { 204: "CORS headers for the project's allowed origins" },
  },
  {
    method: "POST", path: "/api/{projectId}/unreal/{key}/", tag: "Sentry protocol", auth: "none",
    summary: "Unreal Engine crash report (the engine's Crash Report Client, `DataRouterUrl`)",
    description: "The body is the client's zlib-compressed report (`.uecrash`, both the UE 4.26+ \"CR1\" layout and the older one); its query parameters (AppID, UploadType, UserID…) are ignored. One event: the error from CrashContext.runtime-xml's ErrorMessage (\"Assertion failed\", \"Ensure condition failed\", \"Fatal error\", the Windows exception code or the signal; else the CrashType), the engine-symbolicated CallStack as frames (else an Apple crash report's crashed thread, else the minidump's crash module), crash type, engine version and build configuration as tags, CPU, GPU, memory and OS as contexts, the game log's last 50 lines as breadcrumbs, sentry-unreal's scope (GameData `__sentry`: release, environment, user, tags, contexts). Every file of the report is attached to the event (the minidump as `event.minidump`); the player's UserDescription is the event's user report. The event id is the CrashGUID's: a report sent again is stored once. The key in the path must be the project's (403). 400 names `body` for what is not a report (a report without CrashContext.runtime-xml included); 20 MiB on the wire, 50 MiB decompressed (413).",
    params: UnrealParams, bodyContentType: "application/octet-stream",
    responses: { 200: { description: "stored, or spooled while PostgreSQL is unavailable (`spooled: true`; stored on replay)", schema: SentryIdSchema } },
    errors: SENTRY_ERRORS,
  },
  {
    method: "POST", path: "/api/{projectId}/security/", tag: "Sentry protocol", auth: "sentryKey",
    summary: "Content-Security-Policy violation reports (the DSN's security endpoint)",
    description: "For a page's `report-uri` (`{\"csp-report\": {…}}`) or `report-to` (Reporting API batch, `[{type: \"csp-violation\", body: {…}}]`) directive, with `?sentry_key=` in the URL (and `&sentry_environment=`, `&sentry_release=`: each report's environment and release). Each violation is an event titled `Blocked '<kind>' from '<host>'`, tagged `csp.directive` / `csp.blocked` and grouped by the two; other report types are accepted and skipped (`{\"id\": null}`). 1 MiB.",
    params: SentryParams, bodyContentType: "application/csp-report",
    responses: { 200: { description: "stored, or spooled while PostgreSQL is unavailable (`spooled: true`; stored on replay)", schema: SentryIdSchema } },
    errors: SENTRY_ERRORS,
  },
  {
    method: "OPTIONS", path: "/api/{projectId}/security/", tag: "Sentry protocol", auth: "none",
    summary: "CORS preflight (the Reporting API sends one)", params: SentryParams,
    responses: { 204: "CORS headers for the project's allowed origins" },
  },
  {
    method: "GET", path: "/api/embed/error-page/", tag: "Sentry protocol", auth: "sentryKey",
    summary: "The crash-report dialog of `Sentry.showReportDialog()` (JavaScript)",
    description: "Loaded by the SDK as a script with `?dsn=&eventId=` (and the scope user's `name`/`email`, optional texts `title`, `subtitle`, `subtitle2`, `labelName`, `labelEmail`, `labelComments`, `labelClose`, `labelSubmit`, `errorGeneric`, `errorFormEntry`, `successMessage`). The dialog posts its form back here.",
    query: ReportDialogQuerySchema,
    responses: { 200: "`application/javascript`: the dialog" },
    errors: [400, 401, 403, 404, 422],
  },
  {
    method: "POST", path: "/api/embed/error-page/", tag: "Sentry protocol", auth: "sentryKey",
    summary: "A crash-report dialog's report: stored as the event's user feedback",
    description: "`?dsn=&eventId=` as for GET; the form URL-encoded (or JSON). A later report on the same event replaces the earlier one.",
    query: ReportDialogQuerySchema, body: ReportDialogFormSchema, bodyContentType: "application/x-www-form-urlencoded",
    responses: { 200: "`{}`" },
    errors: [400, 401, 403, 404, 413, 422],
  },
];
