import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { createTenant, getJson, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";
import { inSample } from "@/lib/ingest/eventSample";
import { trimCappedIssues } from "@/lib/lifecycle/trimCappedIssues";
import type { ProjectInfo } from "@/lib/projects/getProject";

/**
 * The per-issue cap (a project setting): past `maxEventsPerIssue` stored occurrences an issue keeps
 * its first ones, its latest and a sample (1 in ISSUE_CAP_KEEP_ONE_IN by event id: 100 by default,
 * computed here with the same function), while counts and rollups stay exact. Ingest keeps the
 * newest event of each request past the cap; the retention job's trim step leaves only the latest.
 */
const CAP = 5;
const K = 100;
let t: Tenant;
let cookie: string;
const base = Date.now() - 30 * 60_000;
const ids = Array.from({ length: 60 }, (_, i) => `cap-${i}-${Math.random().toString(36).slice(2, 10)}`);
const event = (i: number) => ({ eventId: ids[i], type: "CapError", message: "inventory sync failed", occurredAt: new Date(base + i * 1000).toISOString() });

const storedIds = async () =>
  (await query<{ eventId: string }>(`SELECT "eventId" FROM "ErrorOccurrence" WHERE "projectId" = $1 ORDER BY "occurredAt"`, [t.projectId])).map((r) => r.eventId);
const group = async () =>
  (
    await query<{ id: string; occurrenceCount: number; sampledCount: number; hourly: number }>(
      `SELECT g.id, g."occurrenceCount", g."sampledCount", (SELECT sum(count)::int FROM "ErrorHourly" h WHERE h."groupId" = g.id) AS hourly
       FROM "ErrorGroup" g WHERE g."projectId" = $1`,
      [t.projectId],
    )
  )[0];

beforeAll(async () => {
  t = await createTenant("cap");
  cookie = await login(t.admin);
});

describe("per-issue cap", () => {
  it("is a project setting (PATCH, null removes it; 422 names a bad value)", async () => {
    const bad = await patchJson(`/api/v1/projects/${t.projectId}`, cookie, { maxEventsPerIssue: 0 });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("maxEventsPerIssue");
    expect((await patchJson(`/api/v1/projects/${t.projectId}`, await login(t.member), { maxEventsPerIssue: CAP })).status).toBe(403);
    const res = await patchJson(`/api/v1/projects/${t.projectId}`, cookie, { maxEventsPerIssue: CAP });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ProjectInfo).maxEventsPerIssue).toBe(CAP);
  });

  it("keeps the first events, a sample and each request's newest; counts stay exact", async () => {
    for (let r = 0; r < 3; r++) {
      const res = await postEvents(t.key, Array.from({ length: 20 }, (_, j) => event(r * 20 + j)));
      expect(res.status).toBe(202);
    }
    const sample = (i: number) => inSample(ids[i], K);
    const expected = ids.filter((_, i) => i < CAP || sample(i) || i === 19 || i === 39 || i === 59);
    expect(await storedIds()).toEqual(expected);
    const g = await group();
    expect(g.occurrenceCount).toBe(60);
    expect(g.hourly).toBe(60);
    expect(g.sampledCount).toBe(60 - expected.length);
  });

  it("the retention job's trim leaves the first events, the sample and the latest, with their files only; a retry is still a duplicate", async () => {
    // A file with the first event, with the latest, and with each event the trim deletes (a request's newest, not the latest).
    const expected = ids.filter((_, i) => i < CAP || inSample(ids[i], K) || i === 59);
    const doomed = (await storedIds()).filter((id) => !expected.includes(id));
    expect(doomed.length).toBeGreaterThan(0);
    for (const eventId of [ids[0], ids[59], ...doomed]) {
      await query(
        `INSERT INTO "EventAttachment" (id, "workspaceId", "projectId", "eventId", filename, "contentType", "attachmentType", size, data)
         VALUES (gen_random_uuid(), $1, $2, $3, 'sync.log', 'text/plain', 'event.attachment', 1, '\\x78'::bytea)`,
        [t.workspaceId, t.projectId, eventId],
      );
    }
    const trimmed = await trimCappedIssues(new Date());
    expect(await storedIds()).toEqual(expected);
    expect(trimmed).toEqual({ occurrences: doomed.length, attachments: doomed.length });
    const files = await query<{ eventId: string }>(`SELECT "eventId" FROM "EventAttachment" WHERE "projectId" = $1`, [t.projectId]);
    expect(files.map((f) => f.eventId).sort()).toEqual([ids[0], ids[59]].sort());
    const g = await group();
    expect(g).toMatchObject({ occurrenceCount: 60, hourly: 60, sampledCount: 60 - expected.length });

    const retry = await postEvents(t.key, [event(19)]);
    expect((await retry.json()).accepted[0].duplicate).toBe(true);

    // The issue's page shows the latest event first and says sampling was active.
    const details = (await (await getJson(`/api/v1/errors/${g.id}`, { cookie })).json()) as ErrorDetails;
    expect(details.recentOccurrences[0].eventId).toBe(ids[59]);
    expect(details.sampling).toMatchObject({ storedEvents: expected.length, sampledEvents: 60 - expected.length, issueCap: CAP });
  });
});
