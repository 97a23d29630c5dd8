import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { expect } from "vitest";
import { queryFault, type FaultApp, type FaultDatabase } from "@/e2e/support/faultApp";
import { waitFor } from "@/e2e/support/waitFor";

/**
 * Mixed ingest load for the fault tests (native events, and Sentry envelopes carrying a user report,
 * a cron check-in and a session) and the checks after it: every request answered 2xx stored exactly
 * once, with its envelope's other items.
 */
export interface Sent {
  eventId: string;
  status: number | "network";
  spooled?: boolean;
  /** A Sentry envelope carrying a user report and a check-in (id: the event id) besides the event. */
  envelope?: boolean;
  /** When it was sent, epoch ms. */
  sentAt: number;
}

/** Senders posting native events and Sentry envelopes, each with a fresh event id, until stopped. */
export function startLoad(app: FaultApp, project: { publicId: number; key: string }, senders = 6) {
  const sent: Sent[] = [];
  let running = true;
  const sendOne = async (i: number): Promise<Sent> => {
    const eventId = randomUUID().replaceAll("-", "");
    const sentAt = Date.now();
    try {
      let res: Response;
      if (i % 2 === 0) {
        res = await fetch(`${app.url}/api/v1/events`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-faultline-key": project.key },
          body: JSON.stringify({ eventId, type: `FaultError${i % 5}`, message: `under fire ${i}`, severity: i % 7 === 0 ? "critical" : "high" }),
        });
      } else {
        // The event with what people wrote about it, a cron run's check-in and a release-health session: all kept, or spooled, together.
        const payload = JSON.stringify({ event_id: eventId, level: "error", exception: { values: [{ type: "SentryFault", value: `envelope ${i}` }] } });
        const report = JSON.stringify({ event_id: eventId, name: "Load", email: "load@example.com", comments: `report ${i}` });
        const checkIn = JSON.stringify({ check_in_id: eventId, monitor_slug: `fault-job-${i % 3}`, status: "ok", duration: 0.5 });
        const session = JSON.stringify({ sid: eventId, status: "exited", errors: 0, started: new Date().toISOString(), attrs: { release: "fault@1", environment: "production" } });
        const items = [["event", payload], ["user_report", report], ["check_in", checkIn], ["session", session]].map(([type, body]) => `${JSON.stringify({ type })}\n${body}\n`);
        res = await fetch(`${app.url}/api/${project.publicId}/envelope/?sentry_key=${project.key}&sentry_version=7`, {
          method: "POST",
          body: `${JSON.stringify({ event_id: eventId })}\n${items.join("")}`,
        });
      }
      const body = await res.json().catch(() => ({}));
      return { eventId, status: res.status, spooled: body.spooled === true, envelope: i % 2 === 1, sentAt };
    } catch {
      return { eventId, status: "network", envelope: i % 2 === 1, sentAt };
    }
  };
  let counter = 0;
  const workers = Array.from({ length: senders }, async () => {
    while (running) sent.push(await sendOne(counter++));
  });
  return {
    sent,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

export const acknowledged = (sent: Sent[]) => sent.filter((s) => typeof s.status === "number" && s.status >= 200 && s.status < 300);

export async function health(app: FaultApp): Promise<{ status: string; database: boolean; spool: { bytes: number; spooling: boolean } }> {
  return (await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(60_000) })).json();
}

export async function storedCounts(db: FaultDatabase, projectId: string): Promise<Map<string, number>> {
  const rows = await queryFault<{ eventId: string; n: number }>(db.url, `SELECT "eventId", count(*)::int AS n FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1`, [projectId]);
  return new Map(rows.map((r) => [r.eventId, r.n]));
}

/**
 * After the faults: 30 more requests under load, then the load stops, the replayer drains the spool
 * (ingest is direct again), and every acknowledged request is checked (expectStoredExactlyOnce).
 */
export async function recoverAndCheck(db: FaultDatabase, app: FaultApp, projectId: string, load: ReturnType<typeof startLoad>): Promise<void> {
  const after = load.sent.length;
  await waitFor(async () => (load.sent.length >= after + 30 ? true : undefined), 60_000);
  await load.stop();
  await waitFor(async () => {
    const h = await health(app);
    return h.status === "ok" && h.spool.bytes === 0 ? h : undefined;
  }, 120_000);
  await expectStoredExactlyOnce(db, app, projectId, load.sent);
}

/**
 * After the faults: no request was answered 500, some were spooled, and every acknowledged event is
 * stored exactly once (group counters agree with the rows), with each acknowledged envelope's user
 * report, check-in and session; the spool is empty.
 */
export async function expectStoredExactlyOnce(db: FaultDatabase, app: FaultApp, projectId: string, sent: Sent[]): Promise<void> {
  const statuses = sent.reduce<Record<string, number>>((acc, s) => ({ ...acc, [String(s.status)]: (acc[String(s.status)] ?? 0) + 1 }), {});
  expect(statuses["500"] ?? 0, JSON.stringify(statuses)).toBe(0);
  expect(sent.filter((s) => s.spooled).length, JSON.stringify(statuses)).toBeGreaterThan(0);

  const stored = await storedCounts(db, projectId);
  const acked = acknowledged(sent);
  expect(acked.length).toBeGreaterThan(100);
  const missing = acked.filter((s) => stored.get(s.eventId) !== 1);
  expect(missing, `${missing.length} of ${acked.length} acknowledged events not stored exactly once`).toEqual([]);
  // Exactly once: no occurrence row beyond one per event id, and group counters agree with the rows.
  const [counters] = await queryFault<{ rows: number; counted: number }>(
    db.url,
    `SELECT (SELECT count(*)::int FROM "ErrorOccurrence" WHERE "projectId" = $1) AS rows,
            (SELECT coalesce(sum("occurrenceCount"), 0)::int FROM "ErrorGroup" WHERE "projectId" = $1) AS counted`,
    [projectId],
  );
  expect(counters.counted).toBe(counters.rows);
  const segments = fs.readdirSync(app.spoolDir).filter((f) => /\.(open|spool|replaying-\d+)$/.test(f));
  expect(segments).toEqual([]);

  // Each acknowledged envelope's user report and check-in are stored once too (one run per check-in id).
  const envelopes = acked.filter((s) => s.envelope);
  expect(envelopes.filter((s) => s.spooled).length).toBeGreaterThan(0);
  const reports = await queryFault<{ key: string }>(db.url, `SELECT key FROM "UserFeedback" WHERE "projectId" = $1`, [projectId]);
  const runs = await queryFault<{ id: string; status: string }>(
    db.url,
    `SELECT replace(c.id::text, '-', '') AS id, c.status FROM "CronCheckIn" c JOIN "CronMonitor" m ON m.id = c."monitorId" WHERE m."projectId" = $1`,
    [projectId],
  );
  const reportKeys = new Set(reports.map((r) => r.key));
  const runIds = new Map(runs.map((r) => [r.id, r.status]));
  expect(runs.length).toBe(runIds.size);
  const lost = envelopes.filter((s) => !reportKeys.has(`report:${s.eventId}`) || runIds.get(s.eventId) !== "ok");
  expect(lost, `${lost.length} of ${envelopes.length} acknowledged envelopes lost their report or check-in`).toEqual([]);
  // Session counts are increments: each acknowledged envelope's session counted exactly once (none
  // twice though a request's counts may be written directly and again from the spool, or replayed
  // twice); an envelope answered 5xx or lost on the network may or may not have counted.
  const [{ sessions }] = await queryFault<{ sessions: number }>(db.url, `SELECT coalesce(sum(ok), 0)::int AS sessions FROM "ExecutionDaily" WHERE "projectId" = $1`, [projectId]);
  const unacknowledged = sent.filter((s) => s.envelope && !(typeof s.status === "number" && s.status >= 200 && s.status < 300)).length;
  expect(sessions).toBeGreaterThanOrEqual(envelopes.length);
  expect(sessions).toBeLessThanOrEqual(envelopes.length + unacknowledged);
}
