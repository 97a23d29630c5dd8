import { expect } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, getJson } from "@/e2e/support/tenant";

const DAY = 86_400_000;

/**
 * Rows still keyed by these issues anywhere, found from the database's own catalogue (not from the
 * lists a deletion walks): every table with a groupId, parentGroupId, childGroupId or errorGroupId
 * column, and the issues' own rows. `{}` when nothing is left.
 */
export async function issueLeftovers(groupIds: string[]): Promise<Record<string, number>> {
  const columns = await query<{ table: string; column: string }>(
    `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name
     WHERE c.table_schema = current_schema() AND NOT t.relispartition AND t.relkind IN ('r', 'p')
       AND c.column_name IN ('groupId', 'parentGroupId', 'childGroupId', 'errorGroupId')`,
  );
  const left: Record<string, number> = {};
  for (const { table, column } of columns) {
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = ANY($1::uuid[])`, [groupIds]);
    if (n > 0) left[`${table}.${column}`] = n;
  }
  const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorGroup" WHERE id = ANY($1::uuid[])`, [groupIds]);
  if (n > 0) left.ErrorGroup = n;
  return left;
}

/** Rows still kept for these event ids of the project: the events, their ids, attachments, feedback and forwarded copies. */
export async function eventLeftovers(projectId: string, eventIds: string[]): Promise<Record<string, number>> {
  const left: Record<string, number> = {};
  for (const table of ["ErrorOccurrence", "ErrorEventId", "EventAttachment", "UserFeedback", "ForwardingDelivery"]) {
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "projectId" = $1::uuid AND "eventId" = ANY($2::text[])`, [projectId, eventIds]);
    if (n > 0) left[table] = n;
  }
  return left;
}

/**
 * The rollups the view helpers (e2e/support/rollupChecks.ts) do not compare, next to the same figure
 * counted on the occurrences: hourly and weekly per issue, the project's daily totals (events and
 * distinct issue-days), the unfiltered per-user/agent days and weeks, and a release's daily events.
 * Rows summed to 0 read as none (a subtraction leaves them).
 */
export const MORE_ROLLUP_CHECKS: [string, string][] = [
  [
    `SELECT "groupId", bucket AS at, environment, count FROM "ErrorHourly" WHERE "projectId" = $1`,
    `SELECT "groupId", date_trunc('hour', "occurredAt") AS at, coalesce(environment, '') AS environment, count(*)::int AS count FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2, 3`,
  ],
  [
    `SELECT "groupId", week AS at, count FROM "ErrorWeekly" WHERE "projectId" = $1`,
    `SELECT "groupId", date_trunc('week', "occurredAt" AT TIME ZONE 'UTC')::date AS at, count(*)::int AS count FROM "ErrorOccurrence" WHERE "projectId" = $1 GROUP BY 1, 2`,
  ],
  [
    `SELECT day AS at, severity::text, sum(count)::int AS count, sum(errors)::int AS errors FROM "ProjectDaily" WHERE "projectId" = $1 GROUP BY 1, 2 HAVING sum(count) <> 0 OR sum(errors) <> 0`,
    `SELECT ("occurredAt" AT TIME ZONE 'UTC')::date AS at, g.severity::text, count(*)::int AS count, count(DISTINCT o."groupId")::int AS errors
     FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $1 GROUP BY 1, 2`,
  ],
  [
    `SELECT day AS at, "userId", count FROM "UserDaily" WHERE "projectId" = $1 AND count <> 0`,
    `SELECT ("occurredAt" AT TIME ZONE 'UTC')::date AS at, "userId", count(*)::int AS count FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "userId" IS NOT NULL GROUP BY 1, 2`,
  ],
  [
    `SELECT week AS at, "userId", count FROM "UserWeekly" WHERE "projectId" = $1 AND count <> 0`,
    `SELECT date_trunc('week', "occurredAt" AT TIME ZONE 'UTC')::date AS at, "userId", count(*)::int AS count FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "userId" IS NOT NULL GROUP BY 1, 2`,
  ],
  [
    `SELECT day AS at, "agentId", count FROM "AgentDaily" WHERE "projectId" = $1 AND count <> 0`,
    `SELECT ("occurredAt" AT TIME ZONE 'UTC')::date AS at, "agentId", count(*)::int AS count FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "agentId" IS NOT NULL GROUP BY 1, 2`,
  ],
  [
    `SELECT release, day AS at, sum(events)::int AS events FROM "ReleaseDaily" WHERE "projectId" = $1 GROUP BY 1, 2 HAVING sum(events) <> 0`,
    `SELECT release, ("occurredAt" AT TIME ZONE 'UTC')::date AS at, count(*)::int AS events FROM "ErrorOccurrence" WHERE "projectId" = $1 AND release IS NOT NULL GROUP BY 1, 2`,
  ],
];

/**
 * The workspace's view for a timeframe, read past any cache, next to the same figures counted on the
 * occurrences of its window (`except`: issues whose occurrences are still stored but must no longer
 * count). `actors`: compare the affected users and agents too.
 */
export async function expectViewMatchesOccurrences(workspaceId: string, cookie: string, timeframe: string, options: { except?: string[]; actors?: boolean } = {}) {
  const res = await fetch(`${BASE_URL}/api/v1/workspaces/${workspaceId}/error-tracking?timeframe=${timeframe}`, { headers: { cookie, "cache-control": "no-cache" } });
  expect(res.status).toBe(200);
  const view = await res.json();
  const except = options.except ?? [];
  const from = `FROM "ErrorOccurrence" o WHERE o."workspaceId" = $1 AND o."occurredAt" >= $2 AND o."occurredAt" < $3 AND NOT (o."groupId" = ANY($4::uuid[]))`;
  const args = [workspaceId, view.window.start, view.window.end, except];
  const [totals] = await query<{ total: number; groups: number; users: number; agents: number }>(
    `SELECT count(*)::int AS total, count(DISTINCT o."groupId")::int AS groups, count(DISTINCT o."userId")::int AS users, count(DISTINCT o."agentId")::int AS agents ${from}`,
    args,
  );
  const buckets = await query<{ at: Date; count: number }>(
    `SELECT date_bin(make_interval(secs => ${view.window.bucketSeconds}), o."occurredAt", TIMESTAMPTZ 'epoch') AS at, count(*)::int AS count ${from} GROUP BY 1`,
    args,
  );
  expect(view.overview.totalErrors, `${timeframe} totalErrors`).toBe(totals.total);
  expect(view.overview.uniqueErrors, `${timeframe} uniqueErrors`).toBe(totals.groups);
  if (options.actors) {
    expect(view.overview.affectedUsers, `${timeframe} affectedUsers`).toBe(totals.users);
    expect(view.overview.affectedAgents, `${timeframe} affectedAgents`).toBe(totals.agents);
  }
  const byTime = new Map(buckets.map((b) => [b.at.toISOString(), b.count]));
  const timeline = (view.timeline.errorsByTime as { timestamp: string; count: number }[]).map((b) => [b.timestamp, b.count]);
  expect(timeline, `${timeframe} timeline`).toEqual(timeline.map(([at]) => [at, byTime.get(at as string) ?? 0]));
  const listed = (view.errors.items as { errorId: string }[]).map((e) => e.errorId);
  for (const id of except) expect(listed, `${timeframe} errors list`).not.toContain(id);
  return view;
}

/** The workspace report's events over the last 60 days and the issue list's total: both must follow the occurrences. */
export async function reportAndListTotals(workspaceId: string, cookie: string) {
  const since = new Date(Date.now() - 60 * DAY).toISOString();
  const report = await (await getJson(`/api/v1/workspaces/${workspaceId}/report?format=json&since=${encodeURIComponent(since)}`, { cookie })).json();
  const list = await (await getJson(`/api/v1/errors?workspaceId=${workspaceId}&pageSize=100`, { cookie })).json();
  return { reportEvents: report.totals.events as number, issues: list.total as number, ids: (list.items as { errorId: string }[]).map((i) => i.errorId) };
}
