// @serial-db: starts a second app instance whose background jobs run every 250 ms over every
// workspace, so it runs alone (other files' alert timing stays as they expect).
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertsOfRule, errorEvent } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { parsePrometheusText, sampleValue } from "@/e2e/support/prometheusText";
import { BASE_URL, createTenant, getJson, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { advisoryLockKey } from "@/lib/db/advisoryLock";
import { db } from "@/lib/db/prisma";
import { serverEnv } from "@/scripts/serverProcess.mjs";

/**
 * Two app instances side by side on one PostgreSQL: the test runner's (A) and one this file starts
 * (B, scripts/server.mjs on a free port, same database, background jobs every 250 ms). Both ingest
 * the same errors at once: counts stay exact, each rule fires once, one evaluator runs at a time.
 */
const token = process.env.METRICS_TOKEN;
let second: ChildProcess;
let B: string;
const A = BASE_URL;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  B = `http://127.0.0.1:${port}`;
  second = spawn(process.execPath, [path.resolve("scripts/server.mjs")], {
    env: serverEnv({ ...process.env, HOST: "127.0.0.1", PORT: String(port), ALERT_EVALUATOR_INTERVAL_MS: "250", ALERT_DELIVERY_INTERVAL_MS: "250" }),
    stdio: "ignore",
  });
  await waitFor(async () => ((await fetch(`${B}/api/health`).catch(() => null))?.ok ? true : undefined), 120_000, 250);
}, 180_000);

afterAll(async () => {
  if (second && second.exitCode === null) {
    second.kill("SIGTERM");
    await new Promise((r) => second.once("exit", r));
  }
});

function post(base: string, t: Tenant, body: unknown) {
  return fetch(`${base}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-faultline-key": t.key },
    body: JSON.stringify(body),
  });
}

/** Sends every body, `concurrency` at a time per instance, alternating instances; returns the statuses. */
async function sendToBoth(t: Tenant, bodies: unknown[], concurrency = 8): Promise<number[]> {
  const statuses: number[] = new Array(bodies.length);
  let next = 0;
  const worker = async (base: string) => {
    while (next < bodies.length) {
      const i = next++;
      statuses[i] = (await post(base, t, bodies[i])).status;
    }
  };
  await Promise.all(Array.from({ length: 2 * concurrency }, (_, w) => worker(w % 2 === 0 ? A : B)));
  return statuses;
}

async function metricsOf(base: string) {
  const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return parsePrometheusText(await res.text());
}

describe("two app instances on one database", () => {
  it("count every event exactly once, whichever instance received it", async () => {
    const t = await createTenant("scale");
    const stack = (n: number) => `ScaleError${n}: boom\n    at step${n} (/srv/app/src/scale/step${n}.ts:${10 + n}:5)\n    at main (/srv/app/src/index.ts:3:1)`;
    const events = Array.from({ length: 300 }, (_, i) => ({
      type: `ScaleError${i % 3}`,
      message: `scale test ${i}`,
      stackTrace: stack(i % 3),
      userId: `user-${i % 40}`,
      agentId: `agent-${i % 6}`,
    }));
    // The same 30 event ids reach both instances (a client retrying against another instance).
    const retried = Array.from({ length: 30 }, (_, i) => ({ eventId: `scale-retry-${i}`, type: "ScaleError0", message: "retried", stackTrace: stack(0), userId: "user-0" }));
    const statuses = await sendToBoth(t, [...events, ...retried, ...retried, [events[0], events[1]].map((e, i) => ({ ...e, eventId: `scale-batch-${i}` }))]);
    expect(statuses.every((s) => s === 202)).toBe(true);

    const groups = await query<{ type: string; occurrenceCount: number; usersAffected: number; agentsAffected: number }>(
      `SELECT type, "occurrenceCount", "usersAffected", "agentsAffected" FROM "ErrorGroup" WHERE "projectId" = $1 ORDER BY type`,
      [t.projectId],
    );
    // ScaleError0: 100 + the 30 retried ids (once each) + 1 of the batch; ScaleError1: 100 + 1;
    // ScaleError2: 100. Each error saw all 40 users and 2 of the 6 agents.
    expect(groups).toEqual([
      { type: "ScaleError0", occurrenceCount: 131, usersAffected: 40, agentsAffected: 2 },
      { type: "ScaleError1", occurrenceCount: 101, usersAffected: 40, agentsAffected: 2 },
      { type: "ScaleError2", occurrenceCount: 100, usersAffected: 40, agentsAffected: 2 },
    ]);
    const distinct = await query<{ type: string; users: number; agents: number }>(
      `SELECT g.type, (SELECT count(*)::int FROM "ErrorGroupUser" u WHERE u."groupId" = g.id) AS users,
         (SELECT count(*)::int FROM "ErrorGroupAgent" a WHERE a."groupId" = g.id) AS agents
       FROM "ErrorGroup" g WHERE g."projectId" = $1 ORDER BY g.type`,
      [t.projectId],
    );
    // The counters on the group equal the distinct sets, however the writers interleaved.
    expect(groups.map((g) => [g.usersAffected, g.agentsAffected])).toEqual(distinct.map((d) => [d.users, d.agents]));
    const [{ occurrences }] = await query<{ occurrences: number }>(`SELECT count(*)::int AS occurrences FROM "ErrorOccurrence" WHERE "projectId" = $1`, [t.projectId]);
    expect(occurrences).toBe(332);
    const [rollups] = await query<{ hourly: number; daily: number; weekly: number; project: number }>(
      `SELECT (SELECT sum(count)::int FROM "ErrorHourly" WHERE "projectId" = $1) AS hourly,
         (SELECT sum(count)::int FROM "ErrorDaily" WHERE "projectId" = $1) AS daily,
         (SELECT sum(count)::int FROM "ErrorWeekly" WHERE "projectId" = $1) AS weekly,
         (SELECT sum(count)::int FROM "ProjectDaily" WHERE "projectId" = $1) AS project`,
      [t.projectId],
    );
    expect(rollups).toEqual({ hourly: 332, daily: 332, weekly: 332, project: 332 });
    // Either instance's API reads the same numbers right after the 202s.
    for (const base of [A, B]) {
      const list = await (await fetch(`${base}/api/v1/errors?projectId=${t.projectId}&sort=occurrences`, { headers: { "x-faultline-key": t.key } })).json();
      expect(list.items.map((e: { occurrences: number }) => e.occurrences)).toEqual([131, 101, 100]);
    }
  });

  it("fire each rule once when both instances ingest the same errors", async () => {
    const t = await createTenant("scale-alerts");
    const critical = Array.from({ length: 20 }, () => errorEvent("ScaleCritical", "critical"));
    const high = Array.from({ length: 24 }, () => errorEvent("ScaleHigh", "high"));
    expect((await sendToBoth(t, [...critical, ...high], 6)).every((s) => s === 202)).toBe(true);
    await waitFor(async () => ((await alertsOfRule(t.workspaceId, "severity-critical")).length > 0 ? true : undefined));
    await waitFor(async () => ((await alertsOfRule(t.workspaceId, "severity-high")).length > 0 ? true : undefined));
    // Barrier: each instance evaluates a workspace's batches in order, so once a fresh critical error
    // sent to each instance has its alert, everything sent before has been evaluated there.
    for (const [i, base] of [A, B].entries()) {
      expect((await post(base, t, errorEvent(`ScaleBarrier${i}`, "critical"))).status).toBe(202);
    }
    await waitFor(async () => ((await alertsOfRule(t.workspaceId, "severity-critical")).length === 3 ? true : undefined));
    const criticalAlerts = await alertsOfRule(t.workspaceId, "severity-critical");
    expect(new Set(criticalAlerts.map((a) => a.errorGroupId)).size).toBe(3); // one per error, not per instance
    expect(await alertsOfRule(t.workspaceId, "severity-high")).toHaveLength(1);
    expect(await alertsOfRule(t.workspaceId, "new-issue")).toHaveLength(4);
  });

  it.runIf(Boolean(token))("run each background job on one instance at a time, under its advisory lock", async () => {
    const ran = async () => sampleValue(await metricsOf(B), "faultline_job_runs_total", { job: "alert-sweep", outcome: "ran" });
    const busy = async () => sampleValue(await metricsOf(B), "faultline_job_runs_total", { job: "alert-sweep", outcome: "busy" });
    await waitFor(async () => ((await ran()) > 0 ? true : undefined), 60_000, 100);

    // Hold the sweep's lock as another instance would: B's turns find it busy and do not run.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock($1)", [advisoryLockKey("faultline-job:alert-sweep")]);
      const busyAtStart = await busy();
      await waitFor(async () => ((await busy()) > busyAtStart ? true : undefined), 60_000, 100);
      const ranWhileHeld = await ran();
      const busyNow = await busy();
      await waitFor(async () => ((await busy()) >= busyNow + 3 ? true : undefined), 60_000, 100);
      expect(await ran()).toBe(ranWhileHeld);
      await holder.query("COMMIT");
      await waitFor(async () => ((await ran()) > ranWhileHeld ? true : undefined), 60_000, 100);
    } finally {
      await holder.end();
    }
  });

  it("share one rate limit: a window never admits more than the project's limit", async () => {
    const t = await createTenant("scale-rate");
    await db().project.update({ where: { id: t.projectId }, data: { rateLimitPerMinute: 40 } });
    const started = Date.now();
    const statuses = await sendToBoth(t, Array.from({ length: 120 }, (_, i) => ({ type: "RateError", message: `r ${i}` })), 4);
    const oneWindow = Math.floor(started / 60_000) === Math.floor(Date.now() / 60_000);
    const admitted = statuses.filter((s) => s === 202).length;
    expect(statuses.every((s) => s === 202 || s === 429)).toBe(true);
    // Exact upper bound; at most a lease chunk (limit / 20) per instance may go unused.
    expect(admitted).toBeLessThanOrEqual(oneWindow ? 40 : 80);
    expect(admitted).toBeGreaterThanOrEqual(40 - 2 * 2);
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorOccurrence" WHERE "projectId" = $1`, [t.projectId]);
    expect(n).toBe(admitted);
    const limited = await post(B, t, { type: "RateError" });
    if (limited.status === 429) expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await getJson(`/api/v1/errors?projectId=${t.projectId}`, { key: t.key })).status).toBe(200);
  });

  it("admit quotas and the rate limit together: a UTC day never admits more than the project's quota", async () => {
    const t = await createTenant("scale-quota");
    await db().project.update({ where: { id: t.projectId }, data: { rateLimitPerMinute: 500, quotaPerMinute: 400, quotaPerDay: 30 } });
    const started = Date.now();
    const statuses = await sendToBoth(t, Array.from({ length: 90 }, (_, i) => ({ type: "QuotaError", message: `q ${i}` })), 4);
    const oneDay = Math.floor(started / 86_400_000) === Math.floor(Date.now() / 86_400_000);
    const admitted = statuses.filter((s) => s === 202).length;
    expect(statuses.every((s) => s === 202 || s === 429)).toBe(true);
    // The day quota binds (the minute quota and the rate limit are wider); at most a lease chunk
    // (quota / 20, at least 1) per instance may go unused.
    expect(admitted).toBeLessThanOrEqual(oneDay ? 30 : 60);
    expect(admitted).toBeGreaterThanOrEqual(30 - 2 * 2);
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1`, [t.projectId]);
    expect(n).toBe(admitted);
    for (const base of [A, B]) {
      const refused = await post(base, t, { type: "QuotaError" });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("x-sentry-rate-limits")).toMatch(/^\d+:error;default;[a-z_;]+:project:project_quota$/);
      expect((await refused.json()).error).toMatchObject({ code: "quota_exceeded", quota: "day" });
    }
  });
});
