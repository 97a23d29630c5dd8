/**
 * npm run bench:view — seeds 1,000,000 occurrences over 10,000 groups, 30 days, 5,000 users and 200
 * agents into a throwaway workspace, then prints p50/p95 of the error-tracking view:
 *   1. in-process (lib code, no cache, the body serialised as a request's is): every timeframe and the
 *      severity/environment-filtered views;
 *   2. over HTTP against the running app (BENCH_URL, default http://127.0.0.1:$PORT|3000) as a
 *      logged-in admin: the same views each computed for the request (Cache-Control: no-cache), the
 *      24h view served from the shared cache, and 4 and 16 dashboards polling the 24h view at once
 *      right after new data arrived (one event ingested before each round, so every round computes);
 *   3. each section alone at 24h and 30d (in-process).
 * The app must use the same database (`npm start` does: DATABASE_URL defaults to its embedded one).
 * Deletes the workspace afterwards unless KEEP=1; BENCH_WORKSPACE=<workspaceId>:<projectId>
 * re-measures a workspace kept earlier, without seeding. Knobs: BENCH_OCCURRENCES, BENCH_GROUPS,
 * BENCH_RUNS (25), BENCH_ROUNDS (10, concurrent rounds), BENCH_HTTP=0 (in-process only), BENCH_SECTIONS
 * (timeframes of part 3, default 24h,30d).
 */
import { defaultToStartDatabase, percentile } from "@/scripts/bench/benchEnv";
import { randomBytes } from "node:crypto";

defaultToStartDatabase();
// In this process every figure is computed: nothing is served from the view caches.
process.env.VIEW_CACHE_TTL_MS = "0";
const { createBenchProject } = await import("@/scripts/bench/benchProject");
const { seedViewData, deleteViewData } = await import("@/scripts/bench/seedViewData");
const { getWorkspaceErrorTracking } = await import("@/lib/analytics/getWorkspaceErrorTracking");
const { getResolutionMetrics } = await import("@/lib/analytics/getResolutionMetrics");
const { getOverview } = await import("@/lib/analytics/getOverview");
const { getRecovery } = await import("@/lib/analytics/getRecovery");
const { getCategories } = await import("@/lib/analytics/getCategories");
const { getTimeline } = await import("@/lib/analytics/getTimeline");
const { getErrorList } = await import("@/lib/analytics/getErrorList");
const { getTopErrors } = await import("@/lib/analytics/getTopErrors");
const { loadWindowGroups } = await import("@/lib/analytics/loadWindowGroups");
const { getCorrelations, TOP_ENTITIES } = await import("@/lib/analytics/getCorrelations");
const { loadActorTotals } = await import("@/lib/analytics/loadActorTotals");
const { loadKnownUsers } = await import("@/lib/analytics/loadKnownUsers");
const { timeWindow } = await import("@/lib/analytics/timeWindow");
const { TrackingQuerySchema } = await import("@/lib/analytics/trackingQuery");
const { TimeframeSchema } = await import("@/lib/domain/timeframe");
const { createUser } = await import("@/lib/users/createUser");
const { addMember } = await import("@/lib/workspaces/addMember");
const { createIngestKey } = await import("@/lib/projects/createIngestKey");

const size = {
  occurrences: Number(process.env.BENCH_OCCURRENCES ?? 1_000_000),
  groups: Number(process.env.BENCH_GROUPS ?? 10_000),
  users: 5_000,
  agents: 200,
  days: 30,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WARMUP = 5;
const HTTP = process.env.BENCH_HTTP !== "0";
/** Timeframes whose sections are timed one by one (BENCH_SECTIONS=24h,7d,…). */
const SECTION_TIMEFRAMES = TimeframeSchema.array().parse(process.env.BENCH_SECTIONS?.split(",") ?? ["24h", "30d"]);
const BASE = process.env.BENCH_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

/** The views measured: every timeframe, and 24h/30d filtered by severity and by environment. */
const VIEWS: { label: string; params: Record<string, string> }[] = [
  { label: "1h", params: { timeframe: "1h" } },
  { label: "24h", params: { timeframe: "24h" } },
  { label: "7d", params: { timeframe: "7d" } },
  { label: "30d", params: { timeframe: "30d" } },
  { label: "24h severity=critical", params: { timeframe: "24h", severity: "critical" } },
  { label: "24h environment=production", params: { timeframe: "24h", environment: "production" } },
  { label: "30d severity=critical", params: { timeframe: "30d", severity: "critical" } },
  { label: "30d environment=production", params: { timeframe: "30d", environment: "production" } },
];

interface Figures {
  p50: number;
  p95: number;
}

function summarise(samples: number[]): Figures {
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function time(fn: () => Promise<unknown>): Promise<Figures> {
  // Warm-up, as a polled dashboard is: V8 has compiled the code, the pool's backends have their
  // caches, the pages are in memory. (The first few calls of a fresh process are 2–5× slower.)
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}

const fmt = (r: Figures) => `p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms`;
const row = (label: string, r: Figures, extra = "") => console.log(`  ${label.padEnd(30)} ${fmt(r)}${extra}`);

/** A logged-in admin of the workspace and an ingest key of its project, for the HTTP part. */
async function httpClient(target: { workspaceId: string; projectId: string }) {
  const health = await fetch(`${BASE}/api/health`).catch(() => null);
  if (!health?.ok) {
    throw new Error(`no app answers at ${BASE}: start it on the same database (npm start), or set BENCH_URL / PORT, or BENCH_HTTP=0`);
  }
  const password = randomBytes(12).toString("hex");
  const user = await createUser({ email: `bench-admin-${randomBytes(4).toString("hex")}@bench.local`, name: "bench admin", password });
  await addMember({ workspaceId: target.workspaceId, userId: user.id, role: "admin" });
  const key = await createIngestKey({ projectId: target.projectId, name: "bench-view" });
  const login = await fetch(`${BASE}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: user.email, password }),
  });
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  if (!login.ok || !cookie) throw new Error(`login failed at ${BASE}: ${login.status}`);
  const view = async (params: Record<string, string>, fresh: boolean) => {
    const res = await fetch(`${BASE}/api/v1/workspaces/${target.workspaceId}/error-tracking?${new URLSearchParams(params)}`, {
      headers: { cookie, ...(fresh ? { "cache-control": "no-cache" } : {}) },
    });
    if (res.status !== 200) throw new Error(`view answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return res.headers.get("x-faultline-view") ?? "?";
  };
  const ingestOne = async () => {
    const res = await fetch(`${BASE}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": key.key },
      body: JSON.stringify({ type: "BenchPollError", message: "new data between polls", environment: "production" }),
    });
    if (res.status !== 202) throw new Error(`ingest answered ${res.status}`);
  };
  return { view, ingestOne };
}

/** `viewers` dashboards requesting the 24h view at the same moment, right after new data arrived. */
async function concurrentRounds(client: Awaited<ReturnType<typeof httpClient>>, viewers: number, fresh: boolean, rounds: number) {
  const samples: number[] = [];
  const sources = new Map<string, number>();
  for (let round = 0; round < WARMUP + rounds; round++) {
    await client.ingestOne();
    const latencies = await Promise.all(
      Array.from({ length: viewers }, async () => {
        const t = performance.now();
        const source = await client.view({ timeframe: "24h" }, fresh);
        if (round >= WARMUP) sources.set(source, (sources.get(source) ?? 0) + 1);
        return performance.now() - t;
      }),
    );
    if (round >= WARMUP) samples.push(...latencies);
  }
  const how = [...sources.entries()].map(([s, n]) => `${n} ${s}`).join(", ");
  return { figures: summarise(samples), how };
}

async function main() {
  const kept = process.env.BENCH_WORKSPACE?.split(":");
  const target = kept
    ? { workspaceId: kept[0], projectId: kept[1] }
    : await createBenchProject("bench-view").then((p) => ({ workspaceId: p.workspaceId, projectId: p.projectId }));
  try {
    const client = HTTP ? await httpClient(target) : null;
    if (kept) console.log(`Re-measuring kept workspace ${target.workspaceId}\n`);
    else {
      console.log(`Seeding ${size.occurrences.toLocaleString()} occurrences, ${size.groups.toLocaleString()} groups, ${size.days} days…`);
      const seedStart = performance.now();
      await seedViewData(target, size, (s) => console.log(s));
      console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
      console.log(`keep it with KEEP=1, re-measure with BENCH_WORKSPACE=${target.workspaceId}:${target.projectId}\n`);
    }

    // The same computation as a request's: every section, the resolution metrics, the serialised body.
    console.log(`In-process, full view computed and serialised each time (getWorkspaceErrorTracking, no cache), ${RUNS} runs after ${WARMUP} warm-up:`);
    for (const v of VIEWS) {
      const query = TrackingQuerySchema.parse(v.params);
      row(v.label, await time(async () => JSON.stringify(await getWorkspaceErrorTracking(target.workspaceId, query))));
    }

    if (client) {
      console.log(`\nOver HTTP (${BASE}), logged-in admin, one viewer, computed for each request (Cache-Control: no-cache):`);
      for (const v of VIEWS) row(v.label, await time(() => client.view(v.params, true)));
      console.log(`\nOver HTTP, one viewer, answered from the shared cache:`);
      row("24h", await time(() => client.view({ timeframe: "24h" }, false)));
      console.log(`\nOver HTTP, dashboards polling the 24h view at once right after an event was ingested (${ROUNDS} rounds):`);
      for (const viewers of [4, 16]) {
        const shared = await concurrentRounds(client, viewers, false, ROUNDS);
        row(`${viewers} viewers`, shared.figures, `   (${shared.how})`);
      }
      const alone = await concurrentRounds(client, 16, true, Math.max(2, Math.floor(ROUNDS / 3)));
      row("16 viewers, nothing shared", alone.figures, "   (each forced to compute: what sharing saves)");
    }

    for (const timeframe of SECTION_TIMEFRAMES) {
      const now = new Date();
      const ctx = { scope: { workspaceId: target.workspaceId }, window: timeWindow(timeframe, now), now };
      const recovery = await getRecovery(ctx);
      const groups = await loadWindowGroups(ctx);
      const users = await loadActorTotals(ctx, "user", TOP_ENTITIES);
      const agents = await loadActorTotals(ctx, "agent", TOP_ENTITIES);
      const affected = { users, agents, knownUsers: users.distinct };
      console.log(`\nEach section alone, ${timeframe}, in-process (the shared reads are timed on their own; sections reuse their rows):`);
      const sections: [string, () => Promise<unknown>][] = [
        ["per-group read", () => loadWindowGroups(ctx)],
        ["per-user read", () => loadActorTotals(ctx, "user", TOP_ENTITIES)],
        ["per-agent read", () => loadActorTotals(ctx, "agent", TOP_ENTITIES)],
        ["known users", () => loadKnownUsers(ctx)],
        ["overview", () => getOverview(ctx, recovery, groups, affected)],
        ["categories", () => getCategories(ctx, groups)],
        ["timeline", () => getTimeline(ctx, groups)],
        ["errors (page 1)", () => getErrorList(ctx, groups, { page: 1, pageSize: 25 })],
        ["topErrors", async () => getTopErrors(ctx, groups)],
        ["correlations", () => getCorrelations(ctx, users, agents)],
        ["recovery", () => getRecovery(ctx)],
        ["resolution metrics", () => getResolutionMetrics(ctx.scope, ctx.window)],
      ];
      for (const [name, fn] of sections) row(name, await time(fn));
    }
  } finally {
    if (!process.env.KEEP && !kept) await deleteViewData(target);
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
