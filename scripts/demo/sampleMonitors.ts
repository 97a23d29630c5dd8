import { recordCheckIns } from "@/lib/crons/recordCheckIns";
import { mapCheckIn } from "@/lib/sentry/mapCheckIn";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Run {
  at: number;
  seconds: number;
  status: "ok" | "error";
}

/**
 * Three cron monitors with a history, checked in through the same code as real check-ins: a
 * nightly report (two weeks at 03:00 UTC, one failed night that raised and then resolved its
 * issue), an hourly sync (a day of runs, each in progress then ok) and a billing export every 6 h
 * whose last run failed (failing, its issue open). The demo's jobs do not really run, so once their
 * next runs are due the sweep marks them missed, as it would a job that stopped.
 */
export async function seedSampleMonitors(target: { workspaceId: string; projectId: string }, now = Date.now()): Promise<void> {
  const midnight = Math.floor(now / DAY) * DAY;
  const lastThree = midnight + 3 * HOUR <= now ? midnight + 3 * HOUR : midnight - DAY + 3 * HOUR;
  const nightly = Array.from({ length: 14 }, (_, i): Run => ({ at: lastThree - (13 - i) * DAY, seconds: 40 + ((i * 7) % 20), status: i === 8 ? "error" : "ok" }));
  await checkIn(target, "nightly-report", { schedule: { type: "crontab", value: "0 3 * * *" }, checkin_margin: 10, max_runtime: 20 }, nightly, now);

  const lastQuarter = Math.floor((now - 15 * 60_000) / HOUR) * HOUR + 15 * 60_000;
  const hourly = Array.from({ length: 24 }, (_, i): Run => ({ at: lastQuarter - (23 - i) * HOUR, seconds: 5 + (i % 4), status: "ok" }));
  await checkIn(target, "hourly-sync", { schedule: { type: "crontab", value: "15 * * * *" }, checkin_margin: 5, max_runtime: 10 }, hourly, now, true);

  const billing = Array.from({ length: 8 }, (_, i): Run => ({ at: now - 2 * HOUR - (7 - i) * 6 * HOUR, seconds: 120 + i * 3, status: i === 7 ? "error" : "ok" }));
  await checkIn(target, "billing-export", { schedule: { type: "interval", value: 6, unit: "hour" }, checkin_margin: 15, max_runtime: 30 }, billing, now);
}

async function checkIn(target: { workspaceId: string; projectId: string }, slug: string, config: Record<string, unknown>, runs: Run[], now: number, withStart = false): Promise<void> {
  for (const run of runs) {
    const id = crypto.randomUUID();
    // The demo app's releases (scripts/demo/sampleSessions.ts): 1.4.2 went out a day ago.
    const release = run.at >= now - DAY ? "1.4.2" : "1.4.1";
    const base = { check_in_id: id, monitor_slug: slug, environment: "production", release, monitor_config: config };
    if (withStart) await recordCheckIns(target, [mapCheckIn({ ...base, status: "in_progress" }, "demo")], new Date(run.at));
    await recordCheckIns(target, [mapCheckIn({ ...base, status: run.status, duration: run.seconds }, "demo")], new Date(run.at + run.seconds * 1000));
  }
}
