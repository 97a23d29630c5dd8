// @own-instance: starts its own PostgreSQL servers and app instances; beside the serial files, not in the parallel pool, so it does not starve the other files.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/e2e/support/childProcess";
import { queryFault, seedProject, seedReadToken, startFaultApp, startFaultDatabase, type FaultApp, type FaultDatabase } from "@/e2e/support/faultApp";
import { health, storedCounts } from "@/e2e/support/faultLoad";
import { waitFor } from "@/e2e/support/waitFor";

/**
 * The spool and the database it belongs to, on PostgreSQL servers and app instances of this file's own:
 *  - two instances on different databases share one spool folder (as two `npm start`s from one
 *    checkout did with the default folder): one is killed with answered events only in its log, the
 *    other keeps replaying meanwhile — it leaves them alone (until 2026-12-08 it claimed them, found
 *    their project missing and put them aside: answered events lost), and the restarted instance
 *    stores every one of them;
 *  - PostgreSQL turns read-only (its ping still answers): an API write answers 503
 *    database_unavailable with Retry-After, not 500; answering from the log, /api/health says
 *    `degraded (spooling)` while the log cannot be stored and the spool does not grow a new file every
 *    turn; once writable again everything answered is stored once and health is `ok`;
 *  - PostgreSQL down: a page whose render fails answers 503 with Retry-After, not 500.
 */
const root = path.resolve(import.meta.dirname, "..", "..");

async function postEvents(app: FaultApp, key: string, prefix: string, n: number): Promise<string[]> {
  const answered: string[] = [];
  for (let i = 0; i < n; i++) {
    const eventId = `${prefix}-${i}-${randomUUID().slice(0, 8)}`;
    const res = await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": key },
      body: JSON.stringify({ eventId, type: "SharedSpoolError", message: `event ${prefix} ${i}` }),
    });
    expect(res.status).toBe(202);
    answered.push(eventId);
  }
  return answered;
}

async function storedOnce(db: FaultDatabase, projectId: string, ids: string[]): Promise<true | undefined> {
  const stored = await storedCounts(db, projectId);
  return ids.every((id) => stored.get(id) === 1) ? true : undefined;
}

const segmentsIn = (dir: string) => fs.readdirSync(dir).filter((name) => /\.(open|spool|replaying-\d+)$/.test(name));

describe("two instances on different databases sharing one spool folder", () => {
  let dbA: FaultDatabase;
  let dbB: FaultDatabase;
  let appA: FaultApp;
  let appB: FaultApp;
  let portA: number;
  const shared = path.join(root, ".faultline", `spool-shared-${process.pid}`);
  const env = { INGEST_ACK: "log" };
  beforeAll(async () => {
    fs.rmSync(shared, { recursive: true, force: true });
    dbA = await startFaultDatabase(await freePort(), "share-a");
    dbB = await startFaultDatabase(await freePort(), "share-b");
    portA = await freePort();
    appA = await startFaultApp(portA, dbA.url, "share-a", env, { spoolDir: shared });
    appB = await startFaultApp(await freePort(), dbB.url, "share-b", env, { spoolDir: shared });
  }, 300_000);
  afterAll(async () => {
    dbA?.thaw();
    await appA?.stop();
    await appB?.stop();
    await dbA?.stop();
    await dbB?.stop();
    fs.rmSync(shared, { recursive: true, force: true });
  });

  it("replays each instance's answered events into its own database only, and loses none when one dies with its log unstored", async () => {
    const projectA = await seedProject(dbA.url);
    const projectB = await seedProject(dbB.url);
    // Both work, both store (their keys are now cached: A answers from its log while its database is frozen).
    const beforeA = await postEvents(appA, projectA.key, "a-before", 10);
    const beforeB = await postEvents(appB, projectB.key, "b-before", 10);
    await waitFor(() => storedOnce(dbA, projectA.projectId, beforeA), 60_000);
    await waitFor(() => storedOnce(dbB, projectB.projectId, beforeB), 60_000);

    // A's database stalls: what A answers now stays in its log, and A dies before storing it.
    dbA.freeze();
    const logOnly = await postEvents(appA, projectA.key, "a-log", 30);
    appA.process.kill("SIGKILL");
    await appA.exited;
    expect(segmentsIn(shared).length).toBeGreaterThan(0);
    // B goes on answering and storing while A's segments — a dead writer's — lie in the folder it replays.
    const duringB = await postEvents(appB, projectB.key, "b-during", 20);
    await waitFor(() => storedOnce(dbB, projectB.projectId, duringB), 60_000);
    expect(fs.existsSync(path.join(shared, "dead-letter")) ? fs.readdirSync(path.join(shared, "dead-letter")) : []).toEqual([]);
    // A's segments do not keep B spooling: B's part of the folder is drained.
    const b = await waitFor(async () => {
      const h = await health(appB);
      return h.status === "ok" && h.spool.bytes === 0 ? h : undefined;
    }, 60_000);
    expect(b.spool.spooling).toBe(false);
    expect(segmentsIn(shared).length).toBeGreaterThan(0);

    // A starts again on its database: it stores what it had answered, each event once.
    dbA.thaw();
    appA = await startFaultApp(portA, dbA.url, "share-a", env, { spoolDir: shared });
    await waitFor(() => storedOnce(dbA, projectA.projectId, logOnly), 60_000);
    await waitFor(async () => (segmentsIn(shared).length === 0 ? true : undefined), 60_000);
    const storedA = await storedCounts(dbA, projectA.projectId);
    expect([...storedA.keys()].sort()).toEqual([...beforeA, ...logOnly].sort());
    const storedB = await storedCounts(dbB, projectB.projectId);
    expect([...storedB.keys()].sort()).toEqual([...beforeB, ...duringB].sort());
    expect(fs.existsSync(path.join(shared, "dead-letter")) ? fs.readdirSync(path.join(shared, "dead-letter")) : []).toEqual([]);
  }, 300_000);
});

describe("PostgreSQL read-only", () => {
  let db: FaultDatabase;
  let app: FaultApp;
  const readOnly = async (on: boolean) => {
    // The server's default for every session, its own connections' included once they reload it.
    await queryFault(db.url, on ? `ALTER SYSTEM SET default_transaction_read_only = on` : `ALTER SYSTEM RESET default_transaction_read_only`);
    await queryFault(db.url, `SELECT pg_reload_conf()`);
  };
  beforeAll(async () => {
    db = await startFaultDatabase(await freePort(), "readonly");
    app = await startFaultApp(await freePort(), db.url, "readonly", { INGEST_ACK: "log" });
  }, 300_000);
  afterAll(async () => {
    await readOnly(false).catch(() => undefined);
    await app?.stop();
    await db?.stop();
  });

  it("answers an API write 503 database_unavailable, says degraded while the log cannot be stored, and stores it all once writable again", async () => {
    const project = await seedProject(db.url);
    const writer = await seedReadToken(db.url, project.projectId, "write");
    const [first] = await postEvents(app, project.key, "ro-first", 1);
    await waitFor(() => storedOnce(db, project.projectId, [first]), 60_000);
    const [{ id: groupId }] = await queryFault<{ id: string }>(db.url, `SELECT id FROM "ErrorGroup" WHERE "projectId" = $1`, [project.projectId]);
    expect((await health(app)).status).toBe("ok");

    await readOnly(true);
    try {
      // The ping (SELECT 1) still answers; writes do not.
      const patch = await waitFor(async () => {
        const res = await fetch(`${app.url}/api/v1/errors/${groupId}`, {
          method: "PATCH",
          headers: { authorization: `Bearer ${writer.token}`, "content-type": "application/json" },
          body: JSON.stringify({ status: "resolved" }),
        });
        return res.status === 200 ? undefined : res;
      }, 30_000);
      expect(patch.status).toBe(503);
      expect(patch.headers.get("retry-after")).toBe("5");
      expect((await patch.json()).error.code).toBe("database_unavailable");

      // Answered from the log, not stored: health says so instead of `ok`.
      const during = await postEvents(app, project.key, "ro-during", 40);
      const degraded = await waitFor(async () => {
        const h = await health(app);
        return h.status === "degraded (spooling)" ? h : undefined;
      }, 30_000);
      expect(degraded.database).toBe(true);
      expect(degraded.spool.spooling).toBe(true);
      expect(degraded.spool.bytes).toBeGreaterThan(0);
      const more = await postEvents(app, project.key, "ro-more", 40);
      expect(await storedOnce(db, project.projectId, [...during, ...more])).toBeUndefined();
      // Every replay turn (10 ms) while blocked used to seal the open segment: a new file per turn.
      expect(segmentsIn(app.spoolDir).length).toBeLessThanOrEqual(3);

      await readOnly(false);
      await waitFor(() => storedOnce(db, project.projectId, [first, ...during, ...more]), 60_000);
      await waitFor(async () => ((await health(app)).status === "ok" ? true : undefined), 60_000);
    } finally {
      await readOnly(false);
    }
    const counts = await storedCounts(db, project.projectId);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 300_000);

  it("answers a page whose render fails while PostgreSQL is down 503 with Retry-After (the outage page), not 500", async () => {
    await db.kill();
    try {
      const page = await fetch(`${app.url}/setup`, { redirect: "manual" });
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");
      expect(page.headers.get("content-type")).toContain("text/html");
    } finally {
      await db.restart();
    }
    await waitFor(async () => ((await fetch(`${app.url}/setup`, { redirect: "manual" })).status < 500 ? true : undefined), 60_000);
  }, 120_000);
});
