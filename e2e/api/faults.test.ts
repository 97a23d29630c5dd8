// @serial-db: starts its own PostgreSQL and app and loads them hard; alone, it does not starve the other files.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryFault, seedProject, startFaultApp, startFaultDatabase, type FaultApp, type FaultDatabase } from "@/e2e/support/faultApp";
import { waitFor } from "@/e2e/support/waitFor";

/**
 * Faults on an app instance and PostgreSQL server of this file's own (ports FAULT_APP_PORT and
 * FAULT_PG_PORT; the rest of the suite's database is never touched):
 *  - PostgreSQL is killed twice (SIGKILL) under ingest load and restarted: afterwards every event
 *    that was answered 2xx is stored exactly once (and every envelope's user report and cron
 *    check-in), no request was answered 500, the spool is empty;
 *  - PostgreSQL is frozen (SIGSTOP) under ingest load: requests are still answered (spooled at the
 *    ingest deadline), the health check says so, and after the thaw every acknowledged event is
 *    stored exactly once;
 *  - the app gets SIGTERM under load: every request answered 2xx before it exited is stored.
 */
const APP_PORT = Number(process.env.FAULT_APP_PORT ?? (Number(process.env.TEST_APP_PORT ?? 3100) + 7));
const PG_PORT = Number(process.env.FAULT_PG_PORT ?? (Number(process.env.TEST_PG_PORT ?? 5480) + 7));

interface Sent {
  eventId: string;
  status: number | "network";
  spooled?: boolean;
  /** A Sentry envelope carrying a user report and a check-in (id: the event id) besides the event. */
  envelope?: boolean;
  /** When it was sent, epoch ms. */
  sentAt: number;
}

/** Senders posting native events and Sentry envelopes, each with a fresh event id, until stopped. */
function startLoad(app: FaultApp, project: { publicId: number; key: string }, senders = 6) {
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

const acknowledged = (sent: Sent[]) => sent.filter((s) => typeof s.status === "number" && s.status >= 200 && s.status < 300);

async function health(app: FaultApp): Promise<{ status: string; database: boolean; spool: { bytes: number; spooling: boolean } }> {
  return (await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(60_000) })).json();
}

async function storedCounts(db: FaultDatabase, projectId: string): Promise<Map<string, number>> {
  const rows = await queryFault<{ eventId: string; n: number }>(db.url, `SELECT "eventId", count(*)::int AS n FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1`, [projectId]);
  return new Map(rows.map((r) => [r.eventId, r.n]));
}

/**
 * After the faults: 30 more requests under load, then the load stops, the replayer drains the spool
 * (ingest is direct again), and every acknowledged request is checked (expectStoredExactlyOnce).
 */
async function recoverAndCheck(db: FaultDatabase, app: FaultApp, projectId: string, load: ReturnType<typeof startLoad>): Promise<void> {
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
async function expectStoredExactlyOnce(db: FaultDatabase, app: FaultApp, projectId: string, sent: Sent[]): Promise<void> {
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

describe("PostgreSQL killed twice under ingest load", () => {
  let db: FaultDatabase;
  let app: FaultApp;
  beforeAll(async () => {
    db = await startFaultDatabase(PG_PORT, "kill");
    app = await startFaultApp(APP_PORT, db.url, "kill");
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    await db?.stop();
  });

  it("stores every acknowledged event exactly once, answers no 500, and empties the spool", async () => {
    const project = await seedProject(db.url);
    const load = startLoad(app, project);
    for (let outage = 0; outage < 2; outage++) {
      const before = load.sent.length;
      await waitFor(async () => (load.sent.length >= before + 30 ? true : undefined), 60_000);
      await db.kill();
      // Requests keep coming while the database is gone: they are spooled (202).
      await waitFor(async () => (load.sent.slice(before).some((s) => s.spooled) ? true : undefined), 60_000);
      const during = load.sent.length;
      await waitFor(async () => (load.sent.length >= during + 20 ? true : undefined), 60_000);
      await db.restart();
      await waitFor(async () => ((await health(app)).database ? true : undefined), 60_000);
    }
    await recoverAndCheck(db, app, project.projectId, load);
  }, 600_000);
});

describe("PostgreSQL frozen (SIGSTOP) under ingest load", () => {
  let db: FaultDatabase;
  let app: FaultApp;
  beforeAll(async () => {
    db = await startFaultDatabase(PG_PORT + 2, "freeze");
    app = await startFaultApp(APP_PORT + 2, db.url, "freeze", { INGEST_DB_TIMEOUT_MS: "2000" });
  }, 300_000);
  afterAll(async () => {
    db?.thaw();
    await app?.stop();
    await db?.stop();
  });

  it("keeps answering while it is frozen (spooled at the deadline), says so on /api/health, and stores every acknowledged event once after it thaws", async () => {
    const project = await seedProject(db.url);
    const load = startLoad(app, project);
    await waitFor(async () => (acknowledged(load.sent).length >= 40 ? true : undefined), 60_000);
    db.freeze();
    const frozenAt = Date.now();
    try {
      // A stalled server accepts bytes and never answers: without deadlines every request (and the
      // health check) waited as long as it stayed frozen. These are answered while it still is.
      await waitFor(async () => (load.sent.filter((s) => s.sentAt > frozenAt && s.spooled).length >= 20 ? true : undefined), 120_000);
      const during = await health(app);
      expect(during.database).toBe(false);
      expect(during.status).toBe("degraded (spooling)");
    } finally {
      db.thaw();
    }
    await recoverAndCheck(db, app, project.projectId, load);
  }, 600_000);
});

describe("SIGTERM under ingest load", () => {
  let db: FaultDatabase;
  let app: FaultApp;
  beforeAll(async () => {
    db = await startFaultDatabase(PG_PORT + 1, "term");
    app = await startFaultApp(APP_PORT + 1, db.url, "term", { FAULTLINE_SHUTDOWN_TIMEOUT_MS: "10000" });
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    await db?.stop();
  });

  it("stores every event answered 2xx before the process exited, and exits in bounded time", async () => {
    const project = await seedProject(db.url);
    const load = startLoad(app, project);
    await waitFor(async () => (acknowledged(load.sent).length >= 60 ? true : undefined), 60_000);
    const signalledAt = Date.now();
    app.process.kill("SIGTERM");
    const code = await app.exited;
    const tookMs = Date.now() - signalledAt;
    await load.stop();

    expect(tookMs).toBeLessThan(30_000);
    expect([0, 143]).toContain(code);
    const stored = await storedCounts(db, project.projectId);
    const acked = acknowledged(load.sent);
    const missing = acked.filter((s) => stored.get(s.eventId) !== 1);
    expect(missing, `${missing.length} of ${acked.length} acknowledged events not stored`).toEqual([]);
    expect(load.sent.filter((s) => s.status === 500)).toEqual([]);
  }, 300_000);
});
