import { evaluateAlerts } from "@/lib/alerts/evaluate/evaluateAlerts";
import { processDeliveries } from "@/lib/alerts/notify/processDeliveries";
import { processAlertOutbox } from "@/lib/alerts/outbox/processAlertOutbox";
import { sweepMonitors } from "@/lib/crons/sweepMonitors";
import { runUptimeChecks } from "@/lib/crons/uptime/runUptimeChecks";
import { deleteExpiredSessions } from "@/lib/auth/deleteExpiredSessions";
import { foldActorCounts } from "@/lib/analytics/actors/foldActorCounts";
import { pruneFiveMinuteRollups } from "@/lib/analytics/pruneFiveMinuteRollups";
import { env } from "@/lib/env";
import { reopenIgnored } from "@/lib/errors/triage/reopenIssues";
import { forwardingJob } from "@/lib/forwarding/deliver/forwardingJob";
import type { Job } from "@/lib/jobs/job";
import { createPartitionsAhead } from "@/lib/lifecycle/createPartitionsAhead";
import { PROJECT_DELETION_JOB, resumeProjectDeletions } from "@/lib/projects/deletion/resumeProjectDeletions";
import { resumeIssueDeletions } from "@/lib/errors/deletion/resumeIssueDeletions";
import { runPendingErasures } from "@/lib/endUsers/erasure/runPendingErasures";
import { RETENTION_JOB, runRetention } from "@/lib/lifecycle/runRetention";
import { deleteStaleChunks } from "@/lib/sourcemaps/bundles/deleteStaleChunks";
import { runWorkflowNotifications, WORKFLOW_NOTIFICATIONS_JOB } from "@/lib/notifications/runWorkflowNotifications";
import { NOTIFICATION_EMAILS_JOB, sendNotificationEmails } from "@/lib/notifications/sendNotificationEmails";
import { sendWeeklyReports } from "@/lib/notifications/sendWeeklyReports";
import { sampleStorage } from "@/lib/storage/sampleStorage";
import { resumeWorkspaceDeletions } from "@/lib/workspaces/deletion/resumeWorkspaceDeletions";

/** Every background job of an app instance, started by lib/jobs/startJobs.ts. Add one line per job. */
export const jobList: Job[] = [
  // Windowed and aggregate alert rules, escalation, alerts of errors closed elsewhere, due deliveries.
  {
    name: "alert-sweep",
    intervalMs: env().ALERT_EVALUATOR_INTERVAL_MS,
    run: async (now) => {
      await evaluateAlerts({ now });
    },
  },
  // Notification retries (and deliveries whose first attempt was lost with a crashed instance).
  {
    name: "alert-deliveries",
    intervalMs: env().ALERT_DELIVERY_INTERVAL_MS,
    run: async (now) => {
      await processDeliveries({ now });
    },
  },
  // Issues ignored "for a duration" reopen when it has passed, even without new events.
  {
    name: "triage-ignore-expiry",
    intervalMs: env().TRIAGE_IGNORE_SWEEP_INTERVAL_MS,
    run: async (now) => {
      await reopenIgnored({ expiredBy: now }, now);
    },
  },
  // Cron monitors: runs that did not check in by their due time plus margin are missed, unfinished ones past max runtime time out.
  {
    name: "cron-monitor-sweep",
    intervalMs: env().MONITOR_SWEEP_INTERVAL_MS,
    run: async (now) => {
      await sweepMonitors(now);
    },
  },
  // Uptime monitors: each due URL is requested, the outcome recorded as the monitor's run.
  {
    name: "uptime-checks",
    intervalMs: env().UPTIME_CHECK_INTERVAL_MS,
    run: async (now) => {
      await runUptimeChecks(now);
    },
  },
  // Immediate-alert batches whose instance died between the ingest commit and their evaluation.
  {
    name: "alert-outbox",
    intervalMs: env().ALERT_OUTBOX_INTERVAL_MS,
    run: async (now) => {
      await processAlertOutbox(now);
    },
  },
  // Expired login sessions (they are refused already; this keeps the table small).
  {
    name: "session-cleanup",
    intervalMs: env().SESSION_CLEANUP_INTERVAL_MS,
    run: async (now) => {
      await deleteExpiredSessions(now);
    },
  },
  // Events' user/agent counts, appended by ingest, into the per-actor rollups (docs/metrics.md).
  {
    name: "actor-fold",
    intervalMs: env().ACTOR_FOLD_INTERVAL_MS,
    run: async () => {
      await foldActorCounts();
    },
  },
  // Pieces of sentry-cli's artifact-bundle uploads, an hour after they came.
  {
    name: "upload-chunk-cleanup",
    intervalMs: 10 * 60_000,
    run: async (now) => {
      await deleteStaleChunks(now);
    },
  },
  // The 1h view's 5-minute rollups keep two days (docs/metrics.md).
  {
    name: "prune-five-minute-rollups",
    intervalMs: 15 * 60_000,
    run: async (now) => {
      await pruneFiveMinuteRollups(now);
    },
  },
  // Occurrence partitions from yesterday to a week ahead.
  {
    name: "partitions",
    intervalMs: env().PARTITION_INTERVAL_MS,
    run: async (now) => {
      await createPartitionsAhead(now);
    },
  },
  // Per-project retention: old day partitions dropped, shorter retentions deleted, rollups (400 days), housekeeping.
  {
    name: RETENTION_JOB,
    intervalMs: env().RETENTION_INTERVAL_MS,
    run: async (now) => {
      await runRetention(now);
    },
  },
  // Project deletions that were interrupted (a restart mid-way): the rest of their rows, then the project.
  // Workspace deletions (DELETE answers 202 and asks for a turn): their projects, their own rows, then the workspace.
  // Issue deletions (DELETE answers 202 and asks for a turn): their events and rows, then the issue.
  // End users' erasures (POST …/end-users/erase answers 202 and asks for a turn): their events and rows.
  {
    name: PROJECT_DELETION_JOB,
    intervalMs: 60_000,
    run: async () => {
      await resumeProjectDeletions();
      await resumeWorkspaceDeletions();
      await resumeIssueDeletions();
      await runPendingErasures();
    },
  },
  // Database, table and per-project sizes for the status page's growth and disk forecast.
  {
    name: "storage-sample",
    intervalMs: env().STORAGE_SAMPLE_INTERVAL_MS,
    run: async (now) => {
      await sampleStorage(now);
    },
  },
  // Forwarded copies: retries with backoff, and first attempts lost with a crashed instance.
  forwardingJob,
  // Assignments, regressions, resolutions and comments into the inbox of the people taking part (docs/notifications.md).
  {
    name: WORKFLOW_NOTIFICATIONS_JOB,
    intervalMs: env().WORKFLOW_NOTIFICATIONS_INTERVAL_MS,
    run: async () => {
      await runWorkflowNotifications();
    },
  },
  // The notifications people want by email, one email per person per turn, through SMTP_URL.
  {
    name: NOTIFICATION_EMAILS_JOB,
    intervalMs: env().NOTIFICATION_EMAIL_INTERVAL_MS,
    run: async (now) => {
      const { SMTP_URL, SMTP_FROM, PUBLIC_URL, ALERT_DELIVERY_TIMEOUT_MS } = env();
      await sendNotificationEmails({ now, smtpUrl: SMTP_URL, from: SMTP_FROM, publicUrl: PUBLIC_URL, timeoutMs: ALERT_DELIVERY_TIMEOUT_MS });
    },
  },
  // Each workspace's weekly report to its members by email, Mondays from 08:00 UTC, once each.
  {
    name: "weekly-reports",
    intervalMs: env().WEEKLY_REPORT_INTERVAL_MS,
    run: async (now) => {
      const { SMTP_URL, SMTP_FROM, PUBLIC_URL, ALERT_DELIVERY_TIMEOUT_MS } = env();
      await sendWeeklyReports({ now, smtpUrl: SMTP_URL, from: SMTP_FROM, publicUrl: PUBLIC_URL, timeoutMs: ALERT_DELIVERY_TIMEOUT_MS });
    },
  },
];
