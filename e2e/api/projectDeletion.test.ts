import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { BASE_URL, createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { markProjectDeleting } from "@/lib/projects/deletion/markProjectDeleting";
import { resumeProjectDeletions } from "@/lib/projects/deletion/resumeProjectDeletions";

const DAY = 86_400_000;

/**
 * Every row the project left anywhere, found from the database's own catalogue (not from the lists
 * the deletion walks): each table with a projectId column, each table keyed by an issue (groupId and
 * the like) for the project's issues, the projectIds lists, and the project's row.
 */
async function leftovers(projectId: string, groupIds: string[]): Promise<Record<string, number>> {
  const columns = await query<{ table: string; column: string }>(
    `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name
     WHERE c.table_schema = current_schema() AND NOT t.relispartition AND t.relkind IN ('r', 'p')
       AND c.column_name IN ('projectId', 'projectIds', 'groupId', 'parentGroupId', 'childGroupId', 'errorGroupId')`,
  );
  const left: Record<string, number> = {};
  for (const { table, column } of columns) {
    const byProject = column === "projectId" || column === "projectIds";
    const where = column === "projectId" ? `"projectId" = $1::uuid` : column === "projectIds" ? `$1::uuid = ANY("projectIds")` : `"${column}" = ANY($1::uuid[])`;
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, [byProject ? projectId : groupIds]);
    if (n > 0) left[`${table}.${column}`] = n;
  }
  const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "Project" WHERE id = $1::uuid`, [projectId]);
  if (n > 0) left.Project = n;
  return left;
}

async function groupIdsOf(projectId: string): Promise<string[]> {
  return (await query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "projectId" = $1::uuid`, [projectId])).map((r) => r.id);
}

/** The workspace's 30-day view and report, read past any cache: what the deletion must leave at zero. */
async function workspaceTotals(workspaceId: string, cookie: string) {
  const view = await (await fetch(`${BASE_URL}/api/v1/workspaces/${workspaceId}/error-tracking?timeframe=30d`, { headers: { cookie, "cache-control": "no-cache" } })).json();
  const since = new Date(Date.now() - 60 * DAY).toISOString();
  const report = await (await getJson(`/api/v1/workspaces/${workspaceId}/report?format=json&since=${encodeURIComponent(since)}`, { cookie })).json();
  const issues = await (await getJson(`/api/v1/errors?workspaceId=${workspaceId}`, { cookie })).json();
  return {
    totalErrors: view.overview.totalErrors as number,
    timeline: (view.timeline.errorsByTime as { count: number }[]).reduce((sum, b) => sum + b.count, 0),
    reportEvents: report.totals.events as number,
    issues: issues.total as number,
  };
}

describe("deleting a project while its events stream in", { timeout: 120_000 }, () => {
  let doomed: Tenant;
  let other: Tenant;
  let admin: string;

  beforeAll(async () => {
    // The doomed project is its workspace's only one, so the workspace's totals must end at zero.
    [doomed, other] = await Promise.all([createTenant("del-race"), createTenant("del-other")]);
    admin = await login(doomed.admin);
    // Rows in most of the tables a project fills: events over 25 days with users, agents, tags,
    // environments and releases; executions; release-health sessions and a user report (Sentry door).
    for (let b = 0; b < 4; b++) {
      const batch = Array.from({ length: 250 }, (_, i) => ({
        type: `Loaded${i % 20}`,
        message: `loaded ${i % 20}`,
        occurredAt: new Date(Date.now() - (i % 25) * DAY - 3_600_000).toISOString(),
        userId: `u${i % 40}`,
        agentId: `a${i % 5}`,
        environment: ["production", "staging"][i % 2],
        release: `app@1.${i % 3}`,
        tags: { region: `r${i % 4}` },
      }));
      expect((await postEvents(doomed.key, batch)).status).toBe(202);
    }
    const executions = await fetch(`${BASE_URL}/api/v1/executions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": doomed.key },
      body: JSON.stringify({ counts: [{ agentId: "a1", ok: 5, failed: 1 }] }),
    });
    expect(executions.status).toBe(202);
    const sessionEnvelope = envelope({}, [
      { type: "event", payload: errorEvent(newEventId(), { release: "app@1.0", user: { id: "u1" } }) },
      { type: "session", payload: JSON.stringify({ sid: newEventId(), status: "crashed", errors: 1, started: new Date().toISOString(), attrs: { release: "app@1.0", environment: "production" } }) },
      { type: "user_report", payload: JSON.stringify({ event_id: newEventId(), name: "A user", email: "user@example.com", comments: "it broke" }) },
    ]);
    expect((await postRaw(sentryUrl(doomed.projectPublicId, "envelope", `sentry_key=${doomed.key}&sentry_version=7`), new Uint8Array(sessionEnvelope))).status).toBe(200);
  });

  it("answers every request without a 5xx, keeps the other project's ingest going, and leaves no row of the project anywhere", async () => {
    const statuses: Record<string, Record<number, number>> = { native: {}, sentry: {}, other: {} };
    const note = (door: string, status: number) => (statuses[door][status] = (statuses[door][status] ?? 0) + 1);
    const groupIds = new Set<string>();
    let deleted = false;
    let accepted = 0;
    const sentryAccepted = [0, 0];

    // Twelve SDKs sending one event each time, each the first of its hour, day and environment.
    let n = 0;
    const native = async () => {
      for (;;) {
        const k = n++;
        const res = await postEvents(doomed.key, {
          type: "DoomedError",
          message: `doomed ${k}`,
          fingerprint: [`fp-${k}`],
          environment: `env-${k}`,
          userId: `racer-${k % 7}`,
          tags: { k: String(k % 3) },
          occurredAt: new Date(Date.now() - (k % 25) * DAY - 3_600_000).toISOString(),
        });
        note("native", res.status);
        if (res.status === 202) {
          accepted++;
          for (const a of (await res.json()).accepted) groupIds.add(a.groupId);
        } else await res.body?.cancel();
        // Refused once the deletion answered: this SDK's key is dead.
        if (deleted && res.status !== 202) return;
      }
    };
    // Sentry SDKs on a few fixed fingerprints (their issues exist before the delete), with a session each.
    const sentry = async (w: number) => {
      for (let k = 0; ; k++) {
        const body = envelope({}, [
          { type: "event", payload: errorEvent(newEventId(), { fingerprint: [`sentry-${(w + k) % 3}`], environment: `senv-${k}` }) },
          { type: "session", payload: JSON.stringify({ sid: newEventId(), status: "exited", started: new Date().toISOString(), attrs: { release: "app@2.0", environment: "production" } }) },
        ]);
        const res = await postRaw(sentryUrl(doomed.projectPublicId, "envelope", `sentry_key=${doomed.key}&sentry_version=7`), new Uint8Array(body));
        note("sentry", res.status);
        if (res.status === 200) sentryAccepted[w]++;
        await res.body?.cancel();
        if (deleted && res.status !== 200) return;
      }
    };
    // An unrelated project's SDK: every event must be answered and stored, during the delete too.
    let stopOther = false;
    const otherIds: string[] = [];
    const otherSdk = async () => {
      while (!stopOther) {
        const eventId = randomUUID();
        const res = await postEvents(other.key, { eventId, type: "OtherError", message: "other project", environment: "production" });
        note("other", res.status);
        if (res.status === 202) otherIds.push(eventId);
        await res.body?.cancel().catch(() => undefined);
      }
    };

    const sdks = [...Array.from({ length: 10 }, () => native()), sentry(0), sentry(1)];
    const otherRun = otherSdk();
    // Streaming: each Sentry SDK went through its three fingerprints (their issues exist: later
    // events join them), and native events keep being accepted (each answered with its issue).
    await waitFor(async () => (sentryAccepted.every((k) => k >= 3) && accepted >= 30 ? true : undefined), 30_000, 20);
    for (const id of await groupIdsOf(doomed.projectId)) groupIds.add(id);

    const res = await api("DELETE", `/api/v1/projects/${doomed.projectId}`, admin, { confirmName: (await api("GET", `/api/v1/projects/${doomed.projectId}`, admin)).body.name });
    expect(res.status).toBe(204);
    deleted = true;
    await Promise.all(sdks);
    stopOther = true;
    await otherRun;

    // No 5xx anywhere: the doomed project's SDKs heard what a deleted project's key hears.
    for (const door of ["native", "sentry", "other"]) expect(Object.keys(statuses[door]).filter((s) => Number(s) >= 500), `${door} ${JSON.stringify(statuses[door])}`).toEqual([]);
    expect(Object.keys(statuses.native).map(Number).sort()).toEqual([202, 401]);
    // 403 for a request that found the project before the deletion and its key after, 404 later.
    expect(Object.keys(statuses.sentry).every((s) => ["200", "403", "404"].includes(s)), JSON.stringify(statuses.sentry)).toBe(true);
    // The other project answered every request, and stored every event it accepted.
    expect(Object.keys(statuses.other)).toEqual(["202"]);
    const stored = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1::uuid AND "eventId" = ANY($2::text[])`, [
      other.projectId,
      otherIds,
    ]);
    expect(stored[0].n).toBe(otherIds.length);

    // Nothing of the project is left: no table, no rollup, no event id, no counter.
    expect(await leftovers(doomed.projectId, [...groupIds])).toEqual({});
    expect(await workspaceTotals(doomed.workspaceId, admin)).toEqual({ totalErrors: 0, timeline: 0, reportEvents: 0, issues: 0 });
    expect((await api("GET", `/api/v1/projects/${doomed.projectId}`, admin)).status).toBe(404);
    const me = (await api("GET", "/api/v1/me", admin)).body;
    expect(me.workspaces.find((w: { id: string }) => w.id === doomed.workspaceId).projects).toEqual([]);
    // Its key is refused as a revoked one is, at both doors.
    expect((await postEvents(doomed.key, { type: "AfterDelete", message: "after" })).status).toBe(401);
    const late = await postRaw(sentryUrl(doomed.projectPublicId, "envelope", `sentry_key=${doomed.key}&sentry_version=7`), new Uint8Array(envelope({}, [{ type: "event", payload: errorEvent(newEventId()) }])));
    expect(late.status).toBe(404);
    // The deletion is audited in the workspace.
    const audit = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "workspaceId" = $1 AND action = 'project.deleted' AND "targetId" = $2`, [
      doomed.workspaceId,
      doomed.projectId,
    ]);
    expect(audit[0].n).toBe(1);
  });
});

describe("a deletion interrupted after its first step", { timeout: 60_000 }, () => {
  it("hides the project and refuses its events at once; the project-deletion job deletes the rest", async () => {
    const t = await createTenant("del-resume");
    const admin = await login(t.admin);
    const sent = await postEvents(t.key, [{ type: "KeptError", message: "kept until the job runs", userId: "u1" }, { type: "OtherKeptError", message: "another", userId: "u2" }]);
    expect(sent.status).toBe(202);
    // The Sentry door has the project and its key in its caches now, as an SDK sending steadily would.
    const session = () => ({ type: "session", payload: JSON.stringify({ sid: newEventId(), status: "exited", started: new Date().toISOString(), attrs: { release: "r@1", environment: "production" } }) });
    const sendSentry = (items: { type: string; payload: string }[]) =>
      postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`), new Uint8Array(envelope({}, items)));
    expect((await sendSentry([{ type: "event", payload: errorEvent(newEventId()) }, session()])).status).toBe(200);
    const sessionRows = async () => (await query<{ n: number }>(`SELECT coalesce(sum(ok + errored + crashed + abnormal), 0)::int AS n FROM "ReleaseSessionDaily" WHERE "projectId" = $1`, [t.projectId]))[0].n;
    const sessionsBefore = await sessionRows();
    const groupIds = await groupIdsOf(t.projectId);
    // What DELETE does first, without what follows (as if the instance died right after).
    const project = (await query<{ id: string; workspaceId: string; name: string; publicId: number }>(`SELECT id, "workspaceId", name, "publicId" FROM "Project" WHERE id = $1`, [t.projectId]))[0];
    expect(await markProjectDeleting(project, t.admin.id)).toHaveLength(1);
    // A second deletion finds nothing to delete.
    expect(await markProjectDeleting(project, t.admin.id)).toBeNull();
    expect((await api("GET", `/api/v1/projects/${t.projectId}`, admin)).status).toBe(404);
    expect((await api("DELETE", `/api/v1/projects/${t.projectId}`, admin, { confirmName: project.name })).status).toBe(404);
    // The app's caches may hold the key and the project a few seconds more: the store refuses what
    // gets past them, as the doors refuse a deleted project's key — the native door 401, the Sentry
    // door 404 (an event, a session-only envelope alike) — and writes nothing.
    expect((await postEvents(t.key, { type: "AfterMark", message: "after the mark" })).status).toBe(401);
    expect((await sendSentry([{ type: "event", payload: errorEvent(newEventId()) }])).status).toBe(404);
    expect((await sendSentry([session()])).status).toBe(404);
    const executions = await fetch(`${BASE_URL}/api/v1/executions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": t.key },
      body: JSON.stringify({ counts: [{ ok: 1, failed: 0 }] }),
    });
    expect(executions.status).toBe(401);
    const stored = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1`, [t.projectId]);
    expect(stored[0].n).toBeLessThanOrEqual(3);
    expect(await sessionRows()).toBeLessThanOrEqual(sessionsBefore);

    // This call or the app's job, whichever gets the project's lease, deletes the rest.
    await resumeProjectDeletions();
    await waitFor(async () => (Object.keys(await leftovers(t.projectId, groupIds)).length === 0 ? true : undefined), 30_000, 200);
  });
});
