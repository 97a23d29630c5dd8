import { pool } from "@/lib/db/pool";
import { recordCheckIns } from "@/lib/crons/recordCheckIns";
import { probeUrl, type ProbeResult } from "@/lib/crons/uptime/probeUrl";
import { readUptimeCheck, type UptimeCheck } from "@/lib/crons/uptime/uptimeCheckSchema";
import { readUptimeHeaders } from "@/lib/crons/uptime/uptimeSecrets";
import { uuidv7 } from "@/lib/ids/uuidv7";

/** Due monitors checked per turn, and how many requests are out at once. */
const BATCH = 200;
const CONCURRENCY = 10;

export interface UptimeMonitorRef {
  id: string;
  workspaceId: string;
  projectId: string;
  slug: string;
  environment: string;
  url: string;
  check: UptimeCheck;
  /** Its request headers, sealed as stored (uptimeSecrets.ts). */
  secrets: unknown;
}

/**
 * The uptime-checks job's turn: every uptime monitor whose check is due (its next expected run, or
 * none yet) is requested now, and the outcome recorded as a run — which moves its next due time by
 * its interval, and raises or resolves its issue like any cron monitor's run (failure and recovery
 * thresholds). The job runs on one instance at a time (its advisory lock), so a monitor is not
 * checked twice for one due time. Returns how many monitors were checked.
 */
export async function runUptimeChecks(now: Date = new Date()): Promise<number> {
  const { rows } = await pool().query<Omit<UptimeMonitorRef, "check"> & { uptimeCheck: unknown }>(
    `SELECT id, "workspaceId", "projectId", slug, environment, url, "uptimeCheck", "uptimeSecrets" AS secrets FROM "CronMonitor"
     WHERE url IS NOT NULL AND "scheduleType" IS NOT NULL AND ("nextExpectedAt" IS NULL OR "nextExpectedAt" <= $1)
       -- A project being deleted (alone, or with its workspace) requests its URLs no more.
       AND NOT EXISTS (SELECT 1 FROM "Project" p WHERE p.id = "CronMonitor"."projectId" AND p."deletingAt" IS NOT NULL)
     ORDER BY "nextExpectedAt" NULLS FIRST LIMIT ${BATCH}`,
    [new Date(now.getTime() + 1000)],
  );
  let next = 0;
  // Every worker runs to the end even when one fails (the database restarting mid-turn): the turn, and
  // so the job's lock, must outlast every request still out, or the next turn would check those
  // monitors again for the same due time. The first failure is reported once all have finished.
  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.min(CONCURRENCY, rows.length) }, async () => {
      let failure: unknown = null;
      while (next < rows.length) {
        const { uptimeCheck, ...monitor } = rows[next++]!;
        await checkMonitor({ ...monitor, check: readUptimeCheck(uptimeCheck) }).catch((error: unknown) => {
          failure ??= error;
        });
      }
      if (failure !== null) throw failure;
    }),
  );
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failed) throw failed.reason;
  return rows.length;
}

/**
 * Requests one uptime monitor's URL now and records the outcome as a run; returns the run's id. A
 * monitor deleted (or given another URL) while its request was out gets no run: recording one would
 * create it again, as a check-in does.
 */
export async function checkMonitor(monitor: UptimeMonitorRef): Promise<{ checkInId: string; ok: boolean; detail: string; durationMs: number }> {
  const probe = await probeWithHeaders(monitor);
  const checkInId = uuidv7();
  const { rowCount } = await pool().query(`SELECT 1 FROM "CronMonitor" WHERE id = $1 AND url = $2`, [monitor.id, monitor.url]);
  if (rowCount === 0) return { checkInId, ok: probe.ok, detail: probe.detail, durationMs: probe.durationMs };
  await recordCheckIns({ workspaceId: monitor.workspaceId, projectId: monitor.projectId }, [
    {
      checkInId,
      latest: false,
      slug: monitor.slug,
      status: probe.ok ? "ok" : "error",
      durationMs: probe.durationMs,
      environment: monitor.environment,
      release: null,
      settings: null,
      detail: probe.detail,
    },
  ]);
  return { checkInId, ok: probe.ok, detail: probe.detail, durationMs: probe.durationMs };
}

/** The check with the monitor's request headers; a failed run saying so when they no longer open (FAULTLINE_SECRET_KEY changed). */
async function probeWithHeaders(monitor: UptimeMonitorRef): Promise<ProbeResult> {
  const headers = readUptimeHeaders(monitor.id, monitor.secrets);
  if (!headers) return { ok: false, durationMs: 0, detail: "request headers cannot be opened with FAULTLINE_SECRET_KEY: an admin enters them again" };
  return probeUrl(monitor.url, monitor.check, headers);
}
