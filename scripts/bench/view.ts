/**
 * npm run bench:view — seeds 1,000,000 occurrences over 10,000 groups, 30 days, 5,000 users and 200
 * agents into a throwaway workspace, then prints p50/p95 of the full error-tracking view per
 * timeframe and of each section alone (30d). Runs the lib code in-process against DATABASE_URL
 * (default: the embedded database of `npm start`); deletes the workspace afterwards unless KEEP=1.
 * BENCH_WORKSPACE=<workspaceId>:<projectId> re-measures a workspace kept earlier, without seeding.
 */
import { defaultToStartDatabase, percentile } from "@/scripts/bench/benchEnv";

defaultToStartDatabase();
const { createBenchProject } = await import("@/scripts/bench/benchProject");
const { seedViewData, deleteViewData } = await import("@/scripts/bench/seedViewData");
const { getErrorTracking } = await import("@/lib/analytics/getErrorTracking");
const { getOverview } = await import("@/lib/analytics/getOverview");
const { getRecovery } = await import("@/lib/analytics/getRecovery");
const { getCategories } = await import("@/lib/analytics/getCategories");
const { getTimeline } = await import("@/lib/analytics/getTimeline");
const { getErrorList } = await import("@/lib/analytics/getErrorList");
const { getTopErrors } = await import("@/lib/analytics/getTopErrors");
const { loadWindowGroups } = await import("@/lib/analytics/loadWindowGroups");
const { getCorrelations, TOP_ENTITIES } = await import("@/lib/analytics/getCorrelations");
const { loadActorTotals } = await import("@/lib/analytics/loadActorTotals");
const { timeWindow } = await import("@/lib/analytics/timeWindow");
const { TrackingQuerySchema } = await import("@/lib/analytics/trackingQuery");

const size = {
  occurrences: Number(process.env.BENCH_OCCURRENCES ?? 1_000_000),
  groups: Number(process.env.BENCH_GROUPS ?? 10_000),
  users: 5_000,
  agents: 200,
  days: 30,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 5;

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  // Warm-up, as a polled dashboard is: V8 has compiled the code, the pool's backends have their
  // caches, the pages are in memory. (The first few calls of a fresh process are 2–5× slower.)
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const fmt = (r: { p50: number; p95: number }) => `p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms`;

async function main() {
  const kept = process.env.BENCH_WORKSPACE?.split(":");
  const target = kept
    ? { workspaceId: kept[0], projectId: kept[1] }
    : await createBenchProject("bench-view").then((p) => ({ workspaceId: p.workspaceId, projectId: p.projectId }));
  try {
    if (kept) console.log(`Re-measuring kept workspace ${target.workspaceId}\n`);
    else {
      console.log(`Seeding ${size.occurrences.toLocaleString()} occurrences, ${size.groups.toLocaleString()} groups, ${size.days} days…`);
      const seedStart = performance.now();
      await seedViewData(target, size, (s) => console.log(s));
      console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
      console.log(`keep it with KEEP=1, re-measure with BENCH_WORKSPACE=${target.workspaceId}:${target.projectId}\n`);
    }
    console.log(`Full view (getErrorTracking), ${RUNS} runs each:`);
    for (const timeframe of ["1h", "24h", "7d", "30d"] as const) {
      const query = TrackingQuerySchema.parse({ timeframe });
      console.log(`  ${timeframe.padEnd(4)} ${fmt(await time(() => getErrorTracking(target.workspaceId, query)))}`);
    }
    const critical = TrackingQuerySchema.parse({ timeframe: "30d", severity: "critical" });
    console.log(`  30d severity=critical ${fmt(await time(() => getErrorTracking(target.workspaceId, critical)))}`);

    const now = new Date();
    const ctx = { scope: { workspaceId: target.workspaceId }, window: timeWindow("30d", now), now };
    const recovery = await getRecovery(ctx);
    const groups = await loadWindowGroups(ctx);
    const users = await loadActorTotals(ctx, "user", TOP_ENTITIES);
    const agents = await loadActorTotals(ctx, "agent", TOP_ENTITIES);
    const affected = { users, agents, knownUsers: users.distinct };
    console.log(`\nEach section alone, 30d (the shared per-group and per-user reads are timed on their own; sections reuse their rows):`);
    const sections: [string, () => Promise<unknown>][] = [
      ["per-group scan", () => loadWindowGroups(ctx)],
      ["per-user totals", () => loadActorTotals(ctx, "user", TOP_ENTITIES)],
      ["overview", () => getOverview(ctx, recovery, groups, affected)],
      ["categories", () => getCategories(ctx, groups)],
      ["timeline", () => getTimeline(ctx, groups)],
      ["errors (page 1)", () => getErrorList(ctx, groups, { page: 1, pageSize: 25 })],
      ["topErrors", async () => getTopErrors(ctx, groups)],
      ["correlations", () => getCorrelations(ctx, users, agents)],
      ["recovery", () => getRecovery(ctx)],
    ];
    for (const [name, fn] of sections) console.log(`  ${name.padEnd(16)} ${fmt(await time(fn))}`);
  } finally {
    if (!process.env.KEEP && !kept) await deleteViewData(target);
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
