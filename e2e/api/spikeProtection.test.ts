import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import * as Sentry from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, getJson, login, patchJson, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";
import { serverEnv } from "@/scripts/serverProcess.mjs";

/**
 * Spike protection over HTTP with the real @sentry/node SDK. The shared test app never samples (its
 * floor is out of reach, scripts/test.mjs), so this file starts an instance of its own (B,
 * scripts/server.mjs: the ingest fast path, same database, background jobs off) whose knobs make a
 * spike small: more than 40 × the baseline and more than 10 events a minute, hot issues past 5 events
 * in the minute, 1 in 5 kept. The project's baseline is explicit: 24 whole hours of 60 events each in
 * its hourly rollup (1 event a minute), so the threshold is 40 events a minute. No test here depends
 * on a minute boundary: the quiet phase stays under the threshold whichever minute it falls in, and
 * the burst passes it in any split.
 */
const HOUR = 3_600_000;
let B: string;
let second: ChildProcess;
let on: Tenant;
let off: Tenant;
let plantedBefore: Date;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  [on, off] = await Promise.all([createTenant("spike-on"), createTenant("spike-off")]);
  const cookie = await login(off.admin);
  expect((await patchJson(`/api/v1/projects/${off.projectId}`, cookie, { spikeProtection: false })).status).toBe(200);

  // The baseline, planted in the per-project hourly rollup the detector reads: 60 events in each of the 24 hours before this one.
  const hourStart = Math.floor(Date.now() / HOUR) * HOUR;
  plantedBefore = new Date(hourStart);
  await query(
    `INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count)
     SELECT $1::uuid, 60, $3::timestamptz - make_interval(hours => h), $2::uuid, '', 'high', 0, 60 FROM generate_series(1, 24) AS h`,
    [on.workspaceId, on.projectId, plantedBefore.toISOString()],
  );

  const port = await freePort();
  B = `http://127.0.0.1:${port}`;
  second = spawn(process.execPath, [path.resolve("scripts/server.mjs")], {
    env: serverEnv({
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      SPIKE_PROTECTION_FACTOR: "40",
      SPIKE_PROTECTION_MIN_PER_MINUTE: "10",
      SPIKE_PROTECTION_HOT_ISSUE_MIN: "5",
      SPIKE_PROTECTION_KEEP_ONE_IN: "5",
      ALERT_EVALUATOR_INTERVAL_MS: "0",
      ALERT_DELIVERY_INTERVAL_MS: "0",
      ALERT_OUTBOX_INTERVAL_MS: "0",
      SESSION_CLEANUP_INTERVAL_MS: "0",
      RETENTION_INTERVAL_MS: "0",
      PARTITION_INTERVAL_MS: "0",
      STORAGE_SAMPLE_INTERVAL_MS: "0",
      FORWARDING_INTERVAL_MS: "0",
      FAULTLINE_SPOOL_DIR: path.resolve(".faultline", `spool-spike-${port}`),
    }),
    stdio: "ignore",
  });
  await waitFor(async () => ((await fetch(`${B}/api/health`).catch(() => null))?.ok ? true : undefined), 120_000, 250);
}, 180_000);

afterAll(async () => {
  await Sentry.close(2000);
  if (second && second.exitCode === null) {
    second.kill("SIGTERM");
    await new Promise((r) => second.once("exit", r));
  }
});

/** The same error from the same line every time: one issue. */
function checkoutFailure(): Error {
  return new Error("payment provider timed out");
}

/** Sends `n` events to instance B through @sentry/node, flushing every 20 (the SDK's transport buffer holds 64). */
async function burst(t: Tenant, n: number): Promise<void> {
  await Sentry.close(2000);
  Sentry.init({ dsn: `http://${t.key}@${new URL(B).host}/${t.projectPublicId}`, defaultIntegrations: false, sendClientReports: false });
  for (let i = 0; i < n; i++) {
    Sentry.captureException(checkoutFailure());
    if (i % 20 === 19) await Sentry.flush(10_000);
  }
  await Sentry.flush(10_000);
}

interface IssueNumbers {
  id: string;
  occurrenceCount: number;
  sampledCount: number;
  stored: number;
  eventIds: number;
  hourly: number;
  daily: number;
}

async function issueOf(t: Tenant): Promise<IssueNumbers> {
  const [row] = await query<IssueNumbers>(
    `SELECT g.id, g."occurrenceCount", g."sampledCount",
       (SELECT count(*)::int FROM "ErrorOccurrence" o WHERE o."groupId" = g.id) AS stored,
       (SELECT count(*)::int FROM "ErrorEventId" e WHERE e."groupId" = g.id) AS "eventIds",
       (SELECT coalesce(sum(count), 0)::int FROM "ErrorHourly" h WHERE h."groupId" = g.id) AS hourly,
       (SELECT coalesce(sum(count), 0)::int FROM "ErrorDaily" d WHERE d."groupId" = g.id) AS daily
     FROM "ErrorGroup" g WHERE g."projectId" = $1`,
    [t.projectId],
  );
  return row;
}

const received = async (t: Tenant) => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1`, [t.projectId]))[0].n;

describe("spike protection", () => {
  it("stores everything while a project stays under N × its baseline", async () => {
    await burst(on, 25);
    await waitFor(async () => ((await received(on)) === 25 ? true : undefined), 30_000, 200);
    const issue = await issueOf(on);
    expect(issue).toMatchObject({ occurrenceCount: 25, sampledCount: 0, stored: 25 });
  });

  it("during a spike stores a sample of the hot issue; counts, event ids and rollups stay exact", async () => {
    await burst(on, 300);
    const total = 325;
    await waitFor(async () => ((await received(on)) === total ? true : undefined), 60_000, 200);
    const issue = await issueOf(on);
    expect(issue.occurrenceCount).toBe(total);
    expect(issue.eventIds).toBe(total);
    expect(issue.hourly).toBe(total);
    expect(issue.daily).toBe(total);
    // 1 in 5 of the burst's hot events is kept: far fewer stored than received, and the rest is sampled.
    expect(issue.stored).toBeLessThan(200);
    expect(issue.stored).toBeGreaterThanOrEqual(25);
    expect(issue.sampledCount).toBe(total - issue.stored);
    // The per-project hourly rollup (the dashboard's and the baseline's) counts every event too.
    const [{ n: projectRollup }] = await query<{ n: number }>(
      `SELECT coalesce(sum(count), 0)::int AS n FROM "ProjectBucket" WHERE "projectId" = $1 AND span = 60 AND bucket >= $2`,
      [on.projectId, plantedBefore.toISOString()],
    );
    expect(projectRollup).toBe(total);

    // The issue's API (what its page shows) says sampling was active and how much was kept.
    const cookie = await login(on.viewer);
    const details = (await (await getJson(`/api/v1/errors/${issue.id}`, { cookie })).json()) as ErrorDetails;
    expect(details.occurrences).toBe(total);
    expect(details.sampling).toMatchObject({ storedEvents: issue.stored, sampledEvents: issue.sampledCount, issueCap: null });
    expect(details.sampling?.lastSampledAt).toBeTruthy();

    // The ingest health counts them as sampled (instance B flushes its counters every few seconds).
    const counts = await waitFor(async () => {
      const body = (await (await getJson(`/api/v1/workspaces/${on.workspaceId}/ingest-health`, { cookie })).json()) as IngestHealth;
      const p = body.projects.find((x) => x.id === on.projectId)!.lastHour;
      return p.accepted + p.sampled === total ? p : undefined;
    }, 30_000, 500);
    expect(counts.sampled).toBe(issue.sampledCount);
    expect(counts.accepted).toBe(issue.stored);
  });

  it("stores every event of a project with spike protection off", async () => {
    await burst(off, 300);
    await waitFor(async () => ((await received(off)) === 300 ? true : undefined), 60_000, 200);
    expect(await issueOf(off)).toMatchObject({ occurrenceCount: 300, sampledCount: 0, stored: 300, hourly: 300 });
    const details = (await (await getJson(`/api/v1/errors/${(await issueOf(off)).id}`, { cookie: await login(off.viewer) })).json()) as ErrorDetails;
    expect(details.sampling).toBeNull();
  });
});
