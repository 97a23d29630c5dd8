// @own-instance: starts its own PostgreSQL and app instances and loads them; beside the serial files, not in the parallel pool, so it does not starve the other files.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/e2e/support/childProcess";
import { seedProject, startFaultApp, startFaultDatabase, type FaultApp, type FaultDatabase } from "@/e2e/support/faultApp";
import { acknowledged, expectStoredExactlyOnce, health, recoverAndCheck, startLoad, storedCounts } from "@/e2e/support/faultLoad";
import { parsePrometheusText } from "@/e2e/support/prometheusText";
import { waitFor } from "@/e2e/support/waitFor";

/**
 * INGEST_ACK=log and auto (lib/intake/ingestAck.ts), on a PostgreSQL and app instances of this
 * file's own: requests answered from the local log are stored exactly once (events, and envelopes'
 * reports, check-ins and sessions) — after a normal drain, after the process is killed between
 * answer and store (the next start stores them, also when the dead writer's pid runs again), and
 * before a SIGTERM'd process exits; `auto` commits while the group commit keeps up and answers from
 * the log once requests queue up.
 */
let db: FaultDatabase;
beforeAll(async () => {
  db = await startFaultDatabase(await freePort(), "ack");
}, 300_000);
afterAll(async () => {
  await db?.stop();
});

/** One native event to the app: its status, Retry-After and body. */
async function postEvent(app: FaultApp, key: string, event: { type: string; message: string }) {
  const res = await fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-faultline-key": key },
    body: JSON.stringify(event),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

const drained = (app: FaultApp) => waitFor(async () => ((await health(app)).spool.bytes === 0 ? true : undefined), 120_000);

describe("INGEST_ACK=log", () => {
  let app: FaultApp;
  let port: number;
  const env = { INGEST_ACK: "log", FAULTLINE_SHUTDOWN_TIMEOUT_MS: "10000", METRICS_TOKEN: "log-ack-metrics-token" };
  beforeAll(async () => {
    port = await freePort();
    app = await startFaultApp(port, db.url, "log", env);
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  it("answers every request from the log and stores each event, report, check-in and session exactly once, without waiting for the load to end", async () => {
    const project = await seedProject(db.url);
    const load = startLoad(app, project, 4);
    await waitFor(async () => (acknowledged(load.sent).length >= 110 ? true : undefined), 60_000);
    // Stored while the load goes on: the replayer keeps up with the log instead of waiting for a lull.
    const early = acknowledged(load.sent).slice(0, 20);
    await waitFor(async () => {
      const stored = await storedCounts(db, project.projectId);
      return early.every((s) => stored.get(s.eventId) === 1) ? true : undefined;
    }, 60_000);
    await recoverAndCheck(db, app, project.projectId, load);
    expect(acknowledged(load.sent).every((s) => s.spooled)).toBe(true);
    // Each answer waited for its record's sync: the append latency histogram saw every one.
    const text = await (await fetch(`${app.url}/api/metrics`, { headers: { authorization: "Bearer log-ack-metrics-token" } })).text();
    const appends = parsePrometheusText(text).samples.find((s) => s.name === "faultline_spool_append_seconds_count");
    expect(appends?.value).toBeGreaterThanOrEqual(acknowledged(load.sent).length);
  }, 300_000);

  it("keeps what it answered when the process is killed before storing it: the next start stores it", async () => {
    const project = await seedProject(db.url);
    const load = startLoad(app, project, 4);
    await waitFor(async () => (acknowledged(load.sent).length >= 60 ? true : undefined), 60_000);
    // With PostgreSQL frozen nothing answered from now on can be stored before the kill: it is only in the log.
    db.freeze();
    const frozenAt = Date.now();
    try {
      await waitFor(async () => (acknowledged(load.sent).filter((s) => s.sentAt > frozenAt).length >= 50 ? true : undefined), 60_000);
      app.process.kill("SIGKILL");
      await app.exited;
    } finally {
      db.thaw();
    }
    await load.stop();
    // Restarted a minute later, as a container is, the new processes got the dead ones' pids: the
    // killed writer's pid now belongs to a process that started well after its segments were written
    // (a sleeper stands in for it; the segments' names are dated a minute back, order kept).
    const sleeper = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      const segments = fs.readdirSync(app.spoolDir).filter((name) => /^\d{16}-\d+-\d+(@[0-9a-f]{16})?\.(open|spool)$/.test(name));
      expect(segments.some((name) => name.endsWith(".open"))).toBe(true);
      for (const name of segments) {
        const [, at, pid, rest] = /^(\d{16})-(\d+)-(.*)$/.exec(name)!;
        const writer = name.endsWith(".open") ? sleeper.pid : pid;
        fs.renameSync(path.join(app.spoolDir, name), path.join(app.spoolDir, `${String(Number(at) - 60_000).padStart(16, "0")}-${writer}-${rest}`));
      }
      app = await startFaultApp(port, db.url, "log", env, { keepSpool: true });
      await drained(app);
    } finally {
      sleeper.kill();
    }
    await expectStoredExactlyOnce(db, app, project.projectId, load.sent);
  }, 300_000);

  it("stores what it answered before it exits on SIGTERM", async () => {
    const project = await seedProject(db.url);
    const load = startLoad(app, project, 4);
    await waitFor(async () => (acknowledged(load.sent).length >= 110 ? true : undefined), 60_000);
    app.process.kill("SIGTERM");
    expect([0, 143]).toContain(await app.exited);
    await load.stop();
    // Nothing restarted: the exiting process stored its log itself.
    await expectStoredExactlyOnce(db, app, project.projectId, load.sent);
  }, 300_000);
});

describe("INGEST_ACK=log with a spool PostgreSQL does not empty", () => {
  let app: FaultApp;
  beforeAll(async () => {
    app = await startFaultApp(await freePort(), db.url, "full", { INGEST_ACK: "log", FAULTLINE_SPOOL_MAX_MB: "0.05" });
  }, 300_000);
  afterAll(async () => {
    db.thaw();
    await app?.stop();
  });

  it("answers 503 spool_full with Retry-After once the spool is full, and stores everything it had answered 202", async () => {
    const project = await seedProject(db.url);
    const send = (i: number) => postEvent(app, project.key, { type: "BackPressure", message: `event ${i} ${"x".repeat(500)}` });
    // The key is cached by a first request PostgreSQL answers.
    expect((await send(0)).status).toBe(202);
    await drained(app);
    db.freeze();
    const answered: string[] = [];
    let refused: Awaited<ReturnType<typeof send>> | undefined;
    try {
      for (let i = 1; i <= 400 && !refused; i++) {
        const r = await send(i);
        if (r.status === 202) answered.push(r.body.accepted[0].eventId);
        else refused = r;
      }
    } finally {
      db.thaw();
    }
    expect(answered.length).toBeGreaterThan(10);
    expect(refused).toMatchObject({ status: 503, retryAfter: "30", body: { error: { code: "spool_full" } } });
    expect(refused!.body.error.message).toContain("spool is full");
    await drained(app);
    const stored = await storedCounts(db, project.projectId);
    expect(answered.filter((id) => stored.get(id) !== 1)).toEqual([]);
  }, 300_000);
});

describe("INGEST_ACK=auto", () => {
  let app: FaultApp;
  beforeAll(async () => {
    app = await startFaultApp(await freePort(), db.url, "auto", { INGEST_ACK: "auto", INGEST_LOG_BACKLOG: "2" });
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  it("commits while it keeps up: a lone request is answered once its event is readable", async () => {
    const project = await seedProject(db.url);
    for (let i = 0; i < 5; i++) {
      const { status, body } = await postEvent(app, project.key, { type: "LoneError", message: `alone ${i}` });
      expect(status).toBe(202);
      expect(body.spooled).toBeUndefined();
      const stored = await storedCounts(db, project.projectId);
      expect(stored.get(body.accepted[0].eventId)).toBe(1);
    }
  });

  it("answers from the log once requests queue up for the group commit, and stores everything exactly once", async () => {
    const project = await seedProject(db.url);
    const load = startLoad(app, project, 24);
    await waitFor(async () => {
      const acked = acknowledged(load.sent);
      return acked.length >= 110 && acked.filter((s) => s.spooled).length >= 20 ? true : undefined;
    }, 120_000);
    await recoverAndCheck(db, app, project.projectId, load);
    // Back to commits once the log is drained.
    expect((await postEvent(app, project.key, { type: "AfterTheRush", message: "alone again" })).body.spooled).toBeUndefined();
  }, 300_000);
});
