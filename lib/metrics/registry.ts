import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { collectActiveAlerts } from "@/lib/metrics/activeAlerts";
import { collectActorPending } from "@/lib/metrics/actorPending";
import { spoolStatus } from "@/lib/spool/spoolRuntime";
import { storageSnapshot } from "@/lib/metrics/storageSnapshot";

/**
 * The process's Prometheus metrics. Counters and histograms count what THIS instance did (scrape
 * every instance and sum); `faultline_alerts_active` is read from the database at scrape time, so it
 * is the same on every instance (aggregate it with max, not sum). Kept on globalThis because Next.js
 * may load this module once per route bundle and once for instrumentation.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "faultline_" });
  const registers = [registry];
  return {
    registry,
    errorsTotal: new Counter({
      name: "faultline_errors_total",
      help: "Error events stored (duplicates excluded), by workspace, project, severity and category.",
      labelNames: ["workspace", "project", "severity", "category"] as const,
      registers,
    }),
    ingestRequests: new Counter({
      name: "faultline_ingest_requests_total",
      help: "Ingest HTTP requests by endpoint and response status.",
      labelNames: ["endpoint", "status"] as const,
      registers,
    }),
    ingestDuration: new Histogram({
      name: "faultline_ingest_request_duration_seconds",
      help: "Ingest request latency by endpoint and response status.",
      labelNames: ["endpoint", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    ingestTransactionEvents: new Histogram({
      name: "faultline_ingest_transaction_events",
      help: "Events written per ingest transaction (group commit: concurrent requests share one).",
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
      registers,
    }),
    ingestTransactionRequests: new Histogram({
      name: "faultline_ingest_transaction_requests",
      help: "Requests whose events one ingest transaction wrote (group commit).",
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      registers,
    }),
    jobRuns: new Counter({
      name: "faultline_job_runs_total",
      help: "Turns of background jobs on this instance, by job and outcome: ran, busy (another instance held the job's lock) or failed.",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    resolutionSeconds: new Histogram({
      name: "faultline_error_resolution_seconds",
      help: "Time from an error's first occurrence to its resolution.",
      labelNames: ["workspace", "severity", "category"] as const,
      buckets: [60, 300, 900, 3600, 4 * 3600, 12 * 3600, 86_400, 3 * 86_400, 7 * 86_400, 30 * 86_400],
      registers,
    }),
    alertsFired: new Counter({
      name: "faultline_alerts_fired_total",
      help: "Alerts fired by this instance, by workspace, severity and rule kind.",
      labelNames: ["workspace", "severity", "rule_kind"] as const,
      registers,
    }),
    alertsActive: new Gauge({
      name: "faultline_alerts_active",
      help: "Alerts currently active (fired, not yet acknowledged or resolved), by workspace and severity. Read from the database.",
      labelNames: ["workspace", "severity"] as const,
      registers,
      async collect() {
        await collectActiveAlerts(this);
      },
    }),
    ingestEvents: new Counter({
      name: "faultline_ingest_events_total",
      help: "Events received by this instance, by workspace, project and outcome: accepted, duplicate, rateLimited, sampled, dropped, filtered (inbound filters), clientDiscarded (reported by SDKs).",
      labelNames: ["workspace", "project", "outcome"] as const,
      registers,
    }),
    spoolBytes: new Gauge({
      name: "faultline_spool_bytes",
      help: "Bytes in this instance's local spool not yet stored in PostgreSQL: an outage's backlog, or with INGEST_ACK=log/auto the events answered and not yet stored (normally a few milliseconds' worth).",
      registers,
      collect() {
        this.set(spoolStatus().bytes);
      },
    }),
    spoolAppendSeconds: new Histogram({
      name: "faultline_spool_append_seconds",
      help: "Time from a record's append to the local spool until it is on disk (written and fdatasync'ed; concurrent appends share one sync): what answering from the log (INGEST_ACK=log/auto) or an outage adds to an ingest request. Its tail is the disk's sync latency.",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
    // Storage and jobs: read from the database at scrape time (the same on every instance: use max).
    actorPending: new Gauge({
      name: "faultline_actor_pending_events",
      help: "Events whose per-user/agent counts wait for the actor-fold job (views count them already); a figure that keeps growing means the job is off or behind.",
      registers,
      async collect() {
        await collectActorPending(this);
      },
    }),
    databaseBytes: new Gauge({
      name: "faultline_database_bytes",
      help: "Size of Faultline's database on disk.",
      registers,
      async collect() {
        const s = await storageSnapshot();
        this.reset();
        if (s) this.set(s.storage.databaseBytes);
      },
    }),
    tableBytes: new Gauge({
      name: "faultline_table_bytes",
      help: "Size of each table (with indexes, TOAST and partitions).",
      labelNames: ["table"] as const,
      registers,
      async collect() {
        const s = await storageSnapshot();
        this.reset();
        for (const t of s?.storage.tables ?? []) this.set({ table: t.name }, t.bytes);
      },
    }),
    projectBytes: new Gauge({
      name: "faultline_project_bytes",
      help: "Each project's share of the database (its rows × bytes per row of each table), from the latest storage sample.",
      labelNames: ["workspace", "project"] as const,
      registers,
      async collect() {
        const s = await storageSnapshot();
        this.reset();
        for (const p of s?.projects ?? []) this.set({ workspace: p.workspaceId, project: p.projectId }, p.bytes);
      },
    }),
    growthPerDay: new Gauge({
      name: "faultline_database_growth_bytes_per_day",
      help: "Database growth per day over the last days' size samples (estimated from the last 24 h of events before a day of samples exists).",
      registers,
      async collect() {
        const s = await storageSnapshot();
        this.reset();
        if (s?.storage.forecast.growthPerDay != null) this.set(s.storage.forecast.growthPerDay);
      },
    }),
    diskFree: new Gauge({
      name: "faultline_disk_free_bytes",
      help: "Free space for the database: FAULTLINE_DISK_BUDGET minus its size, or the data directory's filesystem.",
      labelNames: ["source"] as const,
      registers,
      async collect() {
        const s = await storageSnapshot();
        this.reset();
        if (s?.storage.disk.freeBytes != null) this.set({ source: s.storage.disk.source }, s.storage.disk.freeBytes);
      },
    }),
    diskDaysLeft: new Gauge({
      name: "faultline_disk_days_left",
      help: "Days until the free space is used up at the current growth (absent when not growing).",
      registers,
      async collect() {
        const s = await storageSnapshot();
        this.reset();
        if (s?.storage.forecast.daysLeft != null) this.set(s.storage.forecast.daysLeft);
      },
    }),
    jobLastRun: new Gauge({
      name: "faultline_job_last_run_timestamp_seconds",
      help: "When each background job last finished (any instance), by outcome of that run.",
      labelNames: ["job", "status"] as const,
      registers,
      async collect() {
        const s = await storageSnapshot();
        this.reset();
        for (const j of s?.jobs ?? []) if (j.lastFinishedAt) this.set({ job: j.name, status: j.lastStatus }, Date.parse(j.lastFinishedAt) / 1000);
      },
    }),
    jobLastSuccess: new Gauge({
      name: "faultline_job_last_success_timestamp_seconds",
      help: "When each background job last succeeded (any instance).",
      labelNames: ["job"] as const,
      registers,
      async collect() {
        const s = await storageSnapshot();
        this.reset();
        for (const j of s?.jobs ?? []) if (j.lastOkAt) this.set({ job: j.name }, Date.parse(j.lastOkAt) / 1000);
      },
    }),
    jobDuration: new Gauge({
      name: "faultline_job_last_duration_seconds",
      help: "How long each background job's last run took.",
      labelNames: ["job"] as const,
      registers,
      async collect() {
        const s = await storageSnapshot();
        this.reset();
        for (const j of s?.jobs ?? []) if (j.lastDurationMs !== null) this.set({ job: j.name }, j.lastDurationMs / 1000);
      },
    }),
    deliveries: new Counter({
      name: "faultline_notification_deliveries_total",
      help: "Notification delivery attempts by channel, channel kind and outcome (delivered, retry, failed).",
      labelNames: ["channel", "kind", "outcome"] as const,
      registers,
    }),
  };
}

export type FaultlineMetrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { faultlineMetrics?: FaultlineMetrics };

export function metrics(): FaultlineMetrics {
  globalForMetrics.faultlineMetrics ??= createMetrics();
  return globalForMetrics.faultlineMetrics;
}
