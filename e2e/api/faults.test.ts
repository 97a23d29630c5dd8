// @own-instance: starts its own PostgreSQL and app and loads them hard; beside the serial files, not in the parallel pool, so it does not starve the other files.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryFault, seedProject, seedReadToken, startFaultApp, startFaultDatabase, type FaultApp, type FaultDatabase } from "@/e2e/support/faultApp";
import { acknowledged, health, recoverAndCheck, startLoad, storedCounts } from "@/e2e/support/faultLoad";
import { freePort } from "@/e2e/support/childProcess";
import { waitFor } from "@/e2e/support/waitFor";

/**
 * Faults on an app instance and PostgreSQL server of this file's own (ports FAULT_APP_PORT and
 * FAULT_PG_PORT; the rest of the suite's database is never touched):
 *  - PostgreSQL is killed twice (SIGKILL) under ingest load and restarted: afterwards every event
 *    that was answered 2xx is stored exactly once (and every envelope's user report and cron
 *    check-in), no request was answered 500, the spool is empty;
 *  - PostgreSQL is frozen (SIGSTOP) under ingest load: requests are still answered (spooled at the
 *    ingest deadline), the health check says so, a dashboard read answers 503 instead of hanging,
 *    and after the thaw every acknowledged event is stored exactly once and the read answers again;
 *  - PostgreSQL restarts although its stale postmaster.pid names a pid another process now has;
 *  - PostgreSQL is down before the app ever read a project's settings: its events are spooled as
 *    received and stored prepared with them (its sensitive fields hidden) once it is back;
 *  - the app gets SIGTERM under load: every request answered 2xx before it exited is stored.
 */
const APP_PORT = Number(process.env.FAULT_APP_PORT ?? (Number(process.env.TEST_APP_PORT ?? 3100) + 7));
const PG_PORT = Number(process.env.FAULT_PG_PORT ?? (Number(process.env.TEST_PG_PORT ?? 5480) + 7));

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

  it("starts again after a crash whose postmaster.pid names a pid another process has since taken (a restarted container)", async () => {
    await db.kill();
    // The squatter runs as the database's user: a process of another user PostgreSQL itself takes for
    // stale (its kill(pid, 0) gets EPERM), as it does when root runs the tests and postgres runs as postgres.
    const { uid, gid } = fs.statSync(db.dataDir);
    const squatter = spawn("sleep", ["600"], { stdio: "ignore", ...(process.getuid?.() === 0 && { uid, gid }) });
    try {
      const pidFile = path.join(db.dataDir, "postmaster.pid");
      const lines = fs.readFileSync(pidFile, "utf8").split("\n");
      fs.writeFileSync(pidFile, [String(squatter.pid), ...lines.slice(1)].join("\n"));
      await db.restart();
      expect(db.pid()).not.toBe(squatter.pid);
      await waitFor(async () => ((await health(app)).database ? true : undefined), 60_000);
    } finally {
      squatter.kill("SIGKILL");
    }
  }, 120_000);
});

describe("PostgreSQL down before a project's settings were ever read", () => {
  let db: FaultDatabase;
  let app: FaultApp;
  beforeAll(async () => {
    db = await startFaultDatabase(await freePort(), "settings");
    app = await startFaultApp(await freePort(), db.url, "settings");
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
    await db?.stop();
  });

  it("spools the project's events as received and stores them prepared with its sensitive fields once it is back, user feedback too (never the raw values)", async () => {
    const project = await seedProject(db.url);
    await queryFault(db.url, `UPDATE "Project" SET "sensitiveFields" = ARRAY['acct_ref'], "retentionDays" = 7 WHERE id = $1`, [project.projectId]);
    const post = (body: string, contentType: string) => fetch(`${app.url}/api/v1/events`, { method: "POST", headers: { "x-faultline-key": project.key, "content-type": contentType }, body });
    const envelope = (items: { header: Record<string, unknown>; payload: Record<string, unknown> }[]) =>
      fetch(`${app.url}/api/${project.publicId}/envelope/?sentry_key=${project.key}&sentry_version=7`, {
        method: "POST",
        body: ["{}", ...items.flatMap((i) => [JSON.stringify(i.header), JSON.stringify(i.payload)])].join("\n") + "\n",
      });
    // The app learns the key and the Sentry project (refused or settings-free requests read them) but not the project's settings.
    expect((await post("<event/>", "application/xml")).status).toBe(415);
    expect((await envelope([{ header: { type: "client_report" }, payload: { timestamp: Date.now() / 1000, discarded_events: [] } }])).status).toBe(200);
    await db.kill();
    const secret = "ACCT-7712004491";
    const eventId = `settings-${Date.now()}`;
    const res = await post(JSON.stringify({ eventId, type: "RefundError", message: `refund failed acct_ref=${secret}`, metadata: { acct_ref: secret, order: 42 } }), "application/json");
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ spooled: true, accepted: [{ eventId }] });
    const reportedEvent = randomUUID().replaceAll("-", "");
    const report = await envelope([{ header: { type: "user_report" }, payload: { event_id: reportedEvent, name: "Ana", email: "ana@example.com", comments: `charged twice, acct_ref: ${secret}` } }]);
    expect(report.status).toBe(200);
    // Older than the project's 7 days: the native door would refuse it, a Sentry door date it when received.
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const oldNative = `settings-old-${Date.now()}`;
    expect((await post(JSON.stringify({ eventId: oldNative, type: "OldError", message: "from last week", occurredAt: tenDaysAgo }), "application/json")).status).toBe(202);
    const oldSentry = randomUUID().replaceAll("-", "");
    const sentAt = Date.now();
    expect((await envelope([{ header: { type: "event" }, payload: { event_id: oldSentry, timestamp: tenDaysAgo, message: "queued offline", level: "error", platform: "javascript" } }])).status).toBe(200);
    // The spool holds the events as received but scrubbed by the built-in rules: no password on disk.
    const password = "correct-horse-battery-staple";
    expect((await post(JSON.stringify({ type: "LoginError", message: `login failed password=${password}`, context: { password } }), "application/json")).status).toBe(202);
    const spooled = fs.readdirSync(app.spoolDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(spooled.length).toBeGreaterThan(0);
    for (const file of spooled) expect(fs.readFileSync(path.join(file.parentPath, file.name), "latin1")).not.toContain(password);
    await db.restart();
    const [row] = await waitFor(async () => {
      const rows = await queryFault<{ message: string; metadata: Record<string, unknown> }>(db.url, `SELECT message, metadata FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" = $2`, [project.projectId, eventId]);
      return rows.length > 0 ? rows : undefined;
    }, 60_000);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.message).toContain("acct_ref=[Filtered]");
    expect(row.metadata.order).toBe(42);
    const [feedback] = await waitFor(async () => {
      const rows = await queryFault<{ comments: string }>(db.url, `SELECT comments FROM "UserFeedback" WHERE "projectId" = $1`, [project.projectId]);
      return rows.length > 0 ? rows : undefined;
    }, 60_000);
    expect(feedback.comments).not.toContain(secret);
    expect(feedback.comments).toContain("[Filtered]");
    const [dated] = await waitFor(async () => {
      const rows = await queryFault<{ occurredAt: Date }>(db.url, `SELECT "occurredAt" FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" = $2`, [project.projectId, oldSentry]);
      return rows.length > 0 ? rows : undefined;
    }, 60_000);
    expect(dated.occurredAt.getTime()).toBeGreaterThanOrEqual(sentAt - 1_000);
    expect(await queryFault(db.url, `SELECT 1 FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" = $2`, [project.projectId, oldNative])).toHaveLength(0);
    await waitFor(async () => ((await health(app)).spool.bytes === 0 ? true : undefined), 60_000);
  }, 300_000);
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
    const reader = await seedReadToken(db.url, project.projectId);
    const issueList = `${app.url}/api/v1/errors?workspaceId=${reader.workspaceId}`;
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
      // A dashboard read is answered too: 503 database_unavailable once the stall is seen, not a request
      // that waits as long as the server stays frozen (lib/db/stallWatch.ts).
      const read = await fetch(issueList, { headers: { authorization: `Bearer ${reader.token}` }, signal: AbortSignal.timeout(60_000) });
      expect(read.status).toBe(503);
      expect(read.headers.get("retry-after")).toBeTruthy();
      expect((await read.json()).error.code).toBe("database_unavailable");
    } finally {
      db.thaw();
    }
    await recoverAndCheck(db, app, project.projectId, load);
    const after = await waitFor(async () => {
      const res = await fetch(issueList, { headers: { authorization: `Bearer ${reader.token}` } });
      return res.status === 200 ? res : undefined;
    }, 60_000);
    expect((await after.json()).total).toBeGreaterThan(0);
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
