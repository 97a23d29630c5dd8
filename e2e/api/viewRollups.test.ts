import { beforeAll, describe, expect, it } from "vitest";
import { actorCountsFolded, query } from "@/e2e/support/dbCounts";
import { expectRollupsMatchOccurrences } from "@/e2e/support/rollupChecks";
import { BASE_URL, createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { pruneFiveMinuteRollups } from "@/lib/analytics/pruneFiveMinuteRollups";
import { percentage, round } from "@/lib/analytics/stats";

/**
 * The view reads rollups only; the occurrences are the truth. Events spread over three weeks, three
 * environments (one absent), four severities, users and agents are posted concurrently; then every
 * timeframe × filter of the view is checked against the same figures counted on the occurrences
 * over the window the response reports (so no wall-clock boundary can fall between the two).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const TYPES = [
  { type: "CriticalDbDown", severity: "critical" },
  { type: "HighTimeout", severity: "high" },
  { type: "MediumRetry", severity: "medium" },
  { type: "LowNoise", severity: "low" },
  { type: "HighAuth", severity: "high" },
];
const ENVIRONMENTS = ["production", "staging", undefined];

/** A deterministic spread: every 7th event in the last hour, the others over 20 days. */
function plantedEvents(now: number, n: number) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) => {
    const kind = TYPES[Math.floor(rand() * TYPES.length)];
    const age = i % 7 === 0 ? rand() * 55 * MINUTE : rand() * 20 * DAY;
    return {
      type: kind.type,
      message: `${kind.type} ${i}`,
      severity: kind.severity,
      occurredAt: new Date(now - age).toISOString(),
      environment: ENVIRONMENTS[Math.floor(rand() * 3)],
      userId: rand() < 0.8 ? `user-${Math.floor(rand() * 40)}` : undefined,
      agentId: rand() < 0.7 ? `agent-${Math.floor(rand() * 6)}` : undefined,
      recovery: i % 3 === 0 ? plantedRecovery(rand) : undefined,
    };
  });
}

const METHODS = ["retry", "fallback", undefined];

/** An outcome: durations from 5 ms to 20 minutes (both sides of the 10 s bucketing step), some without. */
function plantedRecovery(rand: () => number) {
  const r = rand();
  return {
    recovered: r < 0.7,
    method: METHODS[Math.floor(rand() * METHODS.length)],
    durationMs: r < 0.9 ? Math.floor(5 * 240_000 ** rand()) : undefined,
    automatic: r < 0.1 ? false : r < 0.5 ? true : undefined,
  };
}

interface Filter {
  severity?: string;
  environment?: string;
}

/** What the occurrences say for a window and filter. */
async function expected(t: Tenant, start: string, end: string, prevStart: string, bucketSeconds: number, f: Filter) {
  const params: unknown[] = [t.projectId, start, end];
  const where = [`o."projectId" = $1`, `o."occurredAt" >= $2`, `o."occurredAt" < $3`];
  if (f.severity) where.push(`g.severity = $${params.push(f.severity)}::"Severity"`);
  if (f.environment) where.push(`o.environment = $${params.push(f.environment)}`);
  const from = `FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE ${where.join(" AND ")}`;
  const [totals] = await query<{ total: number; groups: number; users: number; agents: number }>(
    `SELECT count(*)::int AS total, count(DISTINCT o."groupId")::int AS groups, count(DISTINCT o."userId")::int AS users,
       count(DISTINCT o."agentId")::int AS agents ${from}`,
    params,
  );
  const buckets = await query<{ at: Date; count: number; critical: number; uniq: number }>(
    `SELECT date_bin(make_interval(secs => ${bucketSeconds}), o."occurredAt", TIMESTAMPTZ 'epoch') AS at, count(*)::int AS count,
       (count(*) FILTER (WHERE g.severity = 'critical'))::int AS critical, count(DISTINCT o."groupId")::int AS uniq ${from} GROUP BY 1`,
    params,
  );
  const topUsers = await query<{ id: string; n: number }>(
    `SELECT o."userId" AS id, count(*)::int AS n ${from} AND o."userId" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
    params,
  );
  const topAgents = await query<{ id: string; n: number }>(
    `SELECT o."agentId" AS id, count(*)::int AS n ${from} AND o."agentId" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
    params,
  );
  const recovery = await expectedRecovery(from, params);
  const prevParams = [...params];
  prevParams[1] = prevStart;
  prevParams[2] = start;
  const [prev] = await query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, prevParams);
  return { totals, buckets, topUsers, topAgents, prev: prev.n, recovery };
}

/**
 * Recovery as docs/metrics.md defines it, over the occurrences: per method, and the avg / median / p95
 * (nearest rank) of successful automatic durations, each duration in its faultline_recovery_ms bucket.
 */
async function expectedRecovery(from: string, params: unknown[]) {
  const methods = await query<{ method: string; successes: number; avgMs: number | null; usageCount: number }>(
    `SELECT coalesce(o."recoveryMethod", 'unspecified') AS method, (count(*) FILTER (WHERE o.recovered))::int AS successes,
       (avg(o."recoveryDurationMs") FILTER (WHERE o.recovered))::float8 AS "avgMs", count(*)::int AS "usageCount"
     ${from} AND o.recovered IS NOT NULL GROUP BY 1 ORDER BY 4 DESC, 1`,
    params,
  );
  const [automatic] = await query<{ avg: number | null; median: number | null; p95: number | null }>(
    `SELECT (avg(d) / 1000)::float8 AS avg, (percentile_disc(0.5) WITHIN GROUP (ORDER BY b) / 1000.0)::float8 AS median,
       (percentile_disc(0.95) WITHIN GROUP (ORDER BY b) / 1000.0)::float8 AS p95
     FROM (SELECT o."recoveryDurationMs" AS d, faultline_recovery_ms(o."recoveryDurationMs") AS b ${from}
       AND o.recovered AND o."recoveryAutomatic" IS DISTINCT FROM false AND o."recoveryDurationMs" IS NOT NULL) x`,
    params,
  );
  const [failed] = await query<{ ids: string[] | null }>(
    `SELECT array_agg(id ORDER BY at DESC, id) AS ids FROM (SELECT o."groupId"::text AS id, max(o."occurredAt") AS at ${from} AND o.recovered = false GROUP BY 1) x`,
    params,
  );
  return {
    // null: no timed automatic recovery in the window (nothing measured, not 0 s).
    automatic: automatic.avg === null ? null : { avg: round(automatic.avg), median: round(automatic.median ?? 0), p95: round(automatic.p95 ?? 0) },
    methods: methods.map((m) => ({
      method: m.method,
      successRate: percentage(m.successes, m.usageCount),
      avgTime: m.avgMs === null ? 0 : round(m.avgMs / 1000),
      usageCount: m.usageCount,
    })),
    failedIds: (failed.ids ?? []).slice(0, 20),
  };
}

describe("the view's rollups agree with the occurrences", () => {
  let t: Tenant;
  let cookie: string;

  beforeAll(async () => {
    t = await createTenant("rollups");
    cookie = await login(t.viewer);
    const events = plantedEvents(Date.now(), 420);
    // Concurrent batches, so the rollups' upserts race as they do in production.
    const batches = Array.from({ length: 12 }, (_, i) => events.filter((_, j) => j % 12 === i));
    const responses = await Promise.all(batches.map((b) => postEvents(t.key, b)));
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(202));
  });

  const filters: Filter[] = [{}, { severity: "critical" }, { severity: "high" }, { environment: "staging" }, { environment: "production", severity: "high" }];
  for (const timeframe of ["1h", "24h", "7d", "30d"]) {
    for (const f of filters) {
      it(`${timeframe} ${JSON.stringify(f)}`, async () => {
        const params = new URLSearchParams({ timeframe, ...f });
        const res = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/error-tracking?${params}`, { headers: { cookie } });
        expect(res.status).toBe(200);
        const v = await res.json();
        const span = Date.parse(v.window.end) - Date.parse(v.window.start);
        const prevStart = new Date(Date.parse(v.window.start) - span).toISOString();
        const e = await expected(t, v.window.start, v.window.end, prevStart, v.window.bucketSeconds, f);
        expect(v.overview).toMatchObject({
          totalErrors: e.totals.total,
          uniqueErrors: e.totals.groups,
          affectedUsers: e.totals.users,
          affectedAgents: e.totals.agents,
          previousTotalErrors: e.prev,
        });
        const byTime = new Map(e.buckets.map((b) => [b.at.toISOString(), b]));
        for (const b of v.timeline.errorsByTime) {
          const want = byTime.get(b.timestamp);
          expect(b, b.timestamp).toEqual({ timestamp: b.timestamp, count: want?.count ?? 0, criticalCount: want?.critical ?? 0, uniqueErrors: want?.uniq ?? 0 });
        }
        expect(v.correlations.userCorrelation.map((u: { userId: string; frequency: number }) => ({ id: u.userId, n: u.frequency }))).toEqual(e.topUsers);
        expect(v.correlations.agentCorrelation.map((a: { agentId: string; errorCount: number }) => ({ id: a.agentId, n: a.errorCount }))).toEqual(e.topAgents);
        expect(v.recovery.recoveryTimes.automatic).toEqual(e.recovery.automatic);
        expect(v.recovery.recoveryMethods).toEqual(e.recovery.methods);
        expect(v.recovery.failedRecoveries.map((f: { errorId: string }) => f.errorId)).toEqual(e.recovery.failedIds);
      });
    }
  }

  it("keeps every rollup row equal to its count over the occurrences", async () => {
    await expectRollupsMatchOccurrences(t.projectId);
  });

  it("prunes 5-minute rows older than two days, and only those", async () => {
    // Planted in the year 2000, so that pruning "as of 2000-01-05" touches no other test's rows.
    const groupId = (await query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "projectId" = $1 LIMIT 1`, [t.projectId]))[0].id;
    for (const bucket of ["2000-01-01T10:00:00Z", "2000-01-04T10:00:00Z"]) {
      await query(
        `INSERT INTO "ErrorFiveMinute" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count) VALUES ($1, $2, '', $3, $4, 'low', 1)`,
        [groupId, bucket, t.workspaceId, t.projectId],
      );
      await query(
        `INSERT INTO "ActorFiveMinute" ("workspaceId", kind, bucket, "actorId", "projectId", environment, severity, count) VALUES ($1, 'user', $2, 'old-user', $3, '', 'low', 1)`,
        [t.workspaceId, bucket, t.projectId],
      );
    }
    expect(await pruneFiveMinuteRollups(new Date("2000-01-05T00:00:00Z"))).toBe(2);
    const left = await query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "ErrorFiveMinute" WHERE "projectId" = $1 AND bucket < '2001-01-01')::int
            + (SELECT count(*) FROM "ActorFiveMinute" WHERE "projectId" = $1 AND bucket < '2001-01-01')::int AS n`,
      [t.projectId],
    );
    expect(left[0].n).toBe(2);
  });
});

describe("merge and unmerge keep the view's rollups exact", () => {
  let t: Tenant;
  let cookie: string;
  const post = (path: string, body: unknown) =>
    fetch(`${BASE_URL}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
  const groupOf = async (type: string) =>
    (await query<{ id: string }>(`SELECT id::text FROM "ErrorGroup" WHERE "projectId" = $1 AND type = $2`, [t.projectId, type]))[0].id;

  beforeAll(async () => {
    t = await createTenant("rollups-merge");
    cookie = await login(t.member);
    const res = await postEvents(t.key, plantedEvents(Date.now(), 140));
    expect(res.status).toBe(202);
  });

  it("moves per-group rows and relabels the per-project and per-user rows with the target's severity", async () => {
    // A low-severity issue folded into a critical one: its events now count as critical everywhere.
    const [target, source] = [await groupOf("CriticalDbDown"), await groupOf("LowNoise")];
    const res = await post("/api/v1/errors/merge", { targetId: target, sourceIds: [source] });
    expect(res.status).toBe(200);
    await expectRollupsMatchOccurrences(t.projectId);

    const list = await (await getJson(`/api/v1/errors/${target}/fingerprints`, { cookie })).json();
    const merged = list.fingerprints.find((f: { kind: string }) => f.kind === "merged");
    const split = await post(`/api/v1/errors/${target}/unmerge`, { fingerprints: [merged.fingerprint] });
    expect(split.status).toBe(200);
    await expectRollupsMatchOccurrences(t.projectId);
  });
});

describe("per-user and per-agent counts are deferred, and exact before and after their fold", () => {
  // Pending rows written as the ingest statement writes them, for a user and an agent that have no
  // occurrence: whether the actor-fold job has taken them yet or not, the view counts each once.
  it("counts an event from ActorPending until the fold and from the rollups after it", async () => {
    const t = await createTenant("actor-fold");
    const cookie = await login(t.viewer);
    const at = new Date(Date.now() - 10 * MINUTE);
    for (const environment of ["production", "production", "staging"]) {
      await query(
        `INSERT INTO "ActorPending" ("workspaceId", "projectId", "occurredAt", environment, severity, "userId", "agentId") VALUES ($1, $2, $3, $4, 'high', 'pending-user', 'pending-agent')`,
        [t.workspaceId, t.projectId, at, environment],
      );
    }
    const read = async (filter: Record<string, string>) => {
      const res = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/error-tracking?${new URLSearchParams({ timeframe: "24h", ...filter })}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const v = await res.json();
      return {
        users: v.correlations.userCorrelation.map((u: { userId: string; frequency: number }) => [u.userId, u.frequency]),
        agents: v.correlations.agentCorrelation.map((a: { agentId: string; errorCount: number }) => [a.agentId, a.errorCount]),
      };
    };
    const want = { users: [["pending-user", 3]], agents: [["pending-agent", 3]] };
    const staging = { users: [["pending-user", 1]], agents: [["pending-agent", 1]] };
    expect(await read({})).toEqual(want);
    expect(await read({ environment: "staging" })).toEqual(staging);

    await actorCountsFolded(t.projectId);
    expect(await read({})).toEqual(want);
    expect(await read({ environment: "staging" })).toEqual(staging);
    expect(await read({ severity: "low" })).toEqual({ users: [], agents: [] });
    // Folded into every per-actor rollup: hour, day and week rows per environment, 5-minute rows, the unfiltered daily/weekly ones.
    const [rows] = await query<{ counts: number; fives: number; daily: number; weekly: number; agentDaily: number }>(
      `SELECT (SELECT count(*)::int FROM "ActorCount" WHERE "projectId" = $1) AS counts,
              (SELECT sum(count)::int FROM "ActorFiveMinute" WHERE "projectId" = $1) AS fives,
              (SELECT sum(count)::int FROM "UserDaily" WHERE "projectId" = $1 AND "userId" = 'pending-user') AS daily,
              (SELECT sum(count)::int FROM "UserWeekly" WHERE "projectId" = $1 AND "userId" = 'pending-user') AS weekly,
              (SELECT sum(count)::int FROM "AgentDaily" WHERE "projectId" = $1 AND "agentId" = 'pending-agent') AS "agentDaily"`,
      [t.projectId],
    );
    // 2 kinds × 3 spans × 2 environments.
    expect(rows).toEqual({ counts: 12, fives: 6, daily: 3, weekly: 3, agentDaily: 3 });
  });
});
