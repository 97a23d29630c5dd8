// @serial-db: the retention job drops whole day partitions of every project and deletes across the
// database (at an injected clock), so this file runs alone after the parallel ones.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { actorCountsFolded, query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { getErrorTracking } from "@/lib/analytics/getErrorTracking";
import { TrackingQuerySchema } from "@/lib/analytics/trackingQuery";
import { createPartitionsAhead } from "@/lib/lifecycle/createPartitionsAhead";
import { listOccurrencePartitions } from "@/lib/db/partitions/occurrencePartitions";
import { addDays, partitionName, utcDay } from "@/lib/db/partitions/partitionDays";
import { runRetention, type RetentionRun } from "@/lib/lifecycle/runRetention";
import { uuidv7 } from "@/lib/ids/uuidv7";

/**
 * Retention with an injected clock: A keeps 90 days (the default), B 30. Events are planted over HTTP
 * at noon UTC of days before `now`, so no minute or midnight boundary is near.
 */
const now = new Date();
const today = utcDay(now);
const at = (daysAgo: number) => `${addDays(today, -daysAgo)}T12:00:00.000Z`;
let a: Tenant;
let b: Tenant;
let cookieA: string;
let cookieB: string;
let run: RetentionRun;
const views: Record<string, unknown> = {};
/** A project and an issue that do not exist, with rows left in A's workspace (a deletion raced by ingest before 2026-12-09). */
const orphanProject = randomUUID();
const orphanGroup = randomUUID();
const orphanWorkspace = randomUUID();

async function groups(projectId: string) {
  return query<{ type: string; id: string; occurrenceCount: number; usersAffected: number }>(
    `SELECT type, id, "occurrenceCount", "usersAffected" FROM "ErrorGroup" WHERE "projectId" = $1 ORDER BY type`,
    [projectId],
  );
}
const stored = (projectId: string) => query<{ eventId: string }>(`SELECT "eventId" FROM "ErrorOccurrence" WHERE "projectId" = $1 ORDER BY 1`, [projectId]);
const eventIds = (projectId: string) => query<{ eventId: string }>(`SELECT "eventId" FROM "ErrorEventId" WHERE "projectId" = $1 ORDER BY 1`, [projectId]);
const view = (t: Tenant, timeframe: "7d" | "30d") => getErrorTracking(t.workspaceId, TrackingQuerySchema.parse({ timeframe }), now);

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant("retention-a"), createTenant("retention-b")]);
  cookieA = await login(a.admin);
  cookieB = await login(b.admin);
  // A project setting, through the API the settings page uses.
  const setRetention = async (t: Tenant, cookie: string, retentionDays: number) => {
    const patched = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}`, {
      method: "PATCH",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ retentionDays }),
    });
    expect(patched.status).toBe(200);
  };
  // Ingest refuses events older than the project's retention: the history is sent while both keep
  // a year, then A goes back to the default 90 days and B to 30 before the job runs.
  await setRetention(a, cookieA, 365);
  await setRetention(b, cookieB, 365);
  const ev = (eventId: string, type: string, daysAgo: number, userId: string) => ({ eventId, type, message: `${type} happened`, occurredAt: at(daysAgo), userId });
  const sentA = await postEvents(a.key, [
    ev("a-ancient-1", "AncientError", 200, "u1"),
    ev("a-ancient-2", "AncientError", 200, "u2"),
    ev("a-old-1", "OldError", 200, "u1"),
    ev("a-old-2", "OldError", 120, "u3"),
    ev("a-old-3", "OldError", 10, "u1"),
    ev("a-old-4", "OldError", 10, "u4"),
    ev("a-recent-1", "RecentError", 2, "u5"),
    ev("a-recent-2", "RecentError", 2, "u5"),
  ]);
  expect(sentA.status).toBe(202);
  // The first event carries the end user's email and address (its issue used to keep a copy forever).
  const sentB = await postEvents(b.key, [
    { ...ev("b-1", "BError", 60, "b1@victim.example"), context: { email: "b1@victim.example", ip: "198.51.100.7" } },
    ev("b-2", "BError", 45, "x2"),
    ev("b-3", "BError", 5, "x3"),
  ]);
  expect(sentB.status).toBe(202);
  for (const sent of [sentA, sentB]) expect((await sent.json()).rejected).toEqual([]);
  await setRetention(a, cookieA, 90);
  await setRetention(b, cookieB, 30);
  // User feedback of project B: one written 45 days ago (past its 30 days), one 5 days ago.
  for (const [key, daysAgo] of [["fb-old", 45], ["fb-new", 5]] as const) {
    await query(
      `INSERT INTO "UserFeedback" (id, "workspaceId", "projectId", key, "eventId", comments, source, "createdAt") VALUES (gen_random_uuid(), $1, $2, $3, NULL, 'words', 'feedback', $4)`,
      [b.workspaceId, b.projectId, key, at(daysAgo)],
    );
    // And a file sent with an event that day.
    await query(
      `INSERT INTO "EventAttachment" (id, "workspaceId", "projectId", "eventId", filename, "contentType", "attachmentType", size, data, "createdAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'app.log', 'text/plain', 'event.attachment', 1, '\\x78'::bytea, $4)`,
      [b.workspaceId, b.projectId, key, at(daysAgo)],
    );
  }
  // What lives as long as its event: files, feedback and forwarded copies of b-2 (45 days old, past
  // B's 30) received today go with it; b-3's stay. A file no stored event or feedback holds goes once
  // it has waited a day for one; a recent one stays meanwhile (and is not served).
  const file = (eventId: string, filename: string, receivedAt: Date = now) =>
    query(
      `INSERT INTO "EventAttachment" (id, "workspaceId", "projectId", "eventId", filename, "contentType", "attachmentType", size, data, "createdAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, 'text/plain', 'event.attachment', 1, '\\x78'::bytea, $5)`,
      [b.workspaceId, b.projectId, eventId, filename, receivedAt],
    );
  await file("b-2", "old-event.log");
  await file("b-3", "kept.log");
  await file("never-stored-1", "orphan-old.log", new Date(now.getTime() - 2 * 86_400_000));
  await file("never-stored-2", "orphan-new.log");
  for (const eventId of ["b-2", "b-3"]) {
    await query(
      `INSERT INTO "UserFeedback" (id, "workspaceId", "projectId", key, "eventId", name, email, comments, source) VALUES (gen_random_uuid(), $1, $2, $3, $4, 'Bea', 'bea@victim.example', 'it broke', 'user_report')`,
      [b.workspaceId, b.projectId, `report:${eventId}`, eventId],
    );
  }
  const [rule] = await query<{ id: string }>(
    `INSERT INTO "ForwardingRule" (id, "workspaceId", "projectId", name, kind, enabled, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'copies', 'webhook', false, now()) RETURNING id`,
    [b.workspaceId, b.projectId],
  );
  for (const [eventId, status, leased] of [["b-2", "delivered", false], ["b-3", "delivered", false], ["b-1", "pending", true]] as const) {
    await query(
      `INSERT INTO "ForwardingDelivery" (id, "workspaceId", "projectId", "ruleId", "eventId", "groupId", payload, status, "nextAttemptAt", "updatedAt", "lockedUntil")
       VALUES ($1, $2, $3, $4, $5, gen_random_uuid(), '{}', $6::"DeliveryStatus", now() + interval '1 day', now(), CASE WHEN $7 THEN now() + interval '1 hour' END)`,
      [uuidv7(), b.workspaceId, b.projectId, rule.id, eventId, status, leased],
    );
  }
  // Expired housekeeping rows.
  await query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ('retention-test-expired', $1, $2)`, [a.admin.id, new Date(now.getTime() - 86_400_000)]);
  await query(`INSERT INTO "RateLimitWindow" ("projectId", "windowStart", count) VALUES ($1, $2, 5)`, [a.projectId, new Date(now.getTime() - 2 * 3_600_000)]);
  // View rollup rows past the rollups' 400 days (a week row whose last day has passed too).
  const expired = addDays(today, -410);
  const expiredMonday = addDays(expired, -((new Date(`${expired}T00:00:00Z`).getUTCDay() + 6) % 7));
  const someGroup = (await groups(a.projectId))[0].id;
  await query(
    `INSERT INTO "ErrorEnvDaily" ("groupId", day, environment, "workspaceId", "projectId", severity, count) VALUES ($1, $2, 'old', $3, $4, 'high', 1)`,
    [someGroup, expired, a.workspaceId, a.projectId],
  );
  await query(
    `INSERT INTO "ErrorEnvWeekly" ("groupId", week, environment, "workspaceId", "projectId", severity, count) VALUES ($1, $2, 'old', $3, $4, 'high', 1)`,
    [someGroup, expiredMonday, a.workspaceId, a.projectId],
  );
  await query(
    `INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count) VALUES ($1, 1440, $2, $3, 'old', 'high', 0, 1)`,
    [a.workspaceId, `${expired}T00:00:00Z`, a.projectId],
  );
  await query(
    `INSERT INTO "ActorCount" ("workspaceId", kind, span, start, "actorId", "projectId", environment, severity, count) VALUES ($1, 'user', 10080, $2, 'u-old', $3, 'old', 'high', 1)`,
    [a.workspaceId, `${expiredMonday}T00:00:00Z`, a.projectId],
  );

  for (const t of [a, b]) for (const tf of ["7d", "30d"] as const) views[`${t.projectId}:${tf}`] = await view(t, tf);
  views.groupsA = await groups(a.projectId);
  views.groupsB = await groups(b.projectId);
  // Phantom rows after the views were read: the sweep of orphaned rows must take them back out.
  const hour = `${addDays(today, -3)}T12:00:00Z`;
  await query(`INSERT INTO "ErrorEventId" ("projectId", "eventId", "occurredAt", "groupId") VALUES ($1, 'orphan-1', $2, $3)`, [orphanProject, hour, orphanGroup]);
  await query(`INSERT INTO "IngestMinute" ("projectId", minute, "workspaceId", accepted) VALUES ($1, $2, $3, 1)`, [orphanProject, hour, a.workspaceId]);
  await query(`INSERT INTO "ProjectDaily" ("workspaceId", "projectId", day, severity, shard, count, errors) VALUES ($1, $2, $3, 'high', 0, 3, 1)`, [a.workspaceId, orphanProject, addDays(today, -3)]);
  await query(`INSERT INTO "ProjectBucket" ("workspaceId", span, bucket, "projectId", environment, severity, shard, count) VALUES ($1, 60, $2, $3, '', 'high', 0, 3)`, [a.workspaceId, hour, orphanProject]);
  await query(`INSERT INTO "ErrorHourly" ("groupId", bucket, environment, "workspaceId", "projectId", severity, count) VALUES ($1, $2, '', $3, $4, 'high', 3)`, [orphanGroup, hour, a.workspaceId, orphanProject]);
  await query(`INSERT INTO "ErrorDaily" ("groupId", day, "workspaceId", "projectId", severity, count) VALUES ($1, $2, $3, $4, 'high', 3)`, [orphanGroup, addDays(today, -3), a.workspaceId, orphanProject]);
  await query(`INSERT INTO "ErrorGroupUser" ("groupId", "userId", "firstSeen") VALUES ($1, 'phantom', $2)`, [orphanGroup, hour]);
  // A saved search of a workspace that no longer exists (written while its deletion ran), and one of a live workspace.
  await query(`INSERT INTO "SavedSearch" (id, "workspaceId", "userId", name, query) VALUES ($1, $2, $3, 'orphaned', 'is:unresolved'), ($4, $5, $3, 'kept', 'is:unresolved')`, [
    randomUUID(),
    orphanWorkspace,
    a.admin.id,
    randomUUID(),
    a.workspaceId,
  ]);
  run = await runRetention(now);
});

describe("retention (injected clock)", () => {
  it("drops the day partitions past every project's retention, and only those", async () => {
    const days = new Set((await listOccurrencePartitions()).map((p) => p.day));
    expect(run.droppedPartitions).toEqual(expect.arrayContaining([partitionName(addDays(today, -200)), partitionName(addDays(today, -120))]));
    expect(days.has(addDays(today, -200))).toBe(false);
    expect(days.has(addDays(today, -120))).toBe(false);
    for (const kept of [60, 45, 10, 5, 2]) expect(days.has(addDays(today, -kept)), `day -${kept}`).toBe(true);
  });

  it("deletes a shorter-retention project's older rows from partitions that stay", async () => {
    expect((await stored(b.projectId)).map((r) => r.eventId)).toEqual(["b-3"]);
    expect((await eventIds(b.projectId)).map((r) => r.eventId)).toEqual(["b-3"]);
    expect(run.deleted.ErrorOccurrence).toBeGreaterThanOrEqual(2);
    const feedback = await query<{ key: string }>(`SELECT key FROM "UserFeedback" WHERE "projectId" = $1 ORDER BY key`, [b.projectId]);
    expect(feedback.map((f) => f.key)).toEqual(["fb-new", "report:b-3"]);
  });

  it("deletes the files, feedback and forwarded copies of expired events with them, by the event's time", async () => {
    const files = await query<{ filename: string }>(`SELECT filename FROM "EventAttachment" WHERE "projectId" = $1 ORDER BY filename`, [b.projectId]);
    // fb-old's file went with its feedback, b-2's with its event (received today), the old orphan for good.
    expect(files.map((f) => f.filename)).toEqual(["app.log", "kept.log", "orphan-new.log"]);
    const copies = await query<{ eventId: string }>(`SELECT "eventId" FROM "ForwardingDelivery" WHERE "projectId" = $1 ORDER BY "eventId"`, [b.projectId]);
    // b-2's copy went with it; b-1's is being sent right now (the next run takes it).
    expect(copies.map((c) => c.eventId)).toEqual(["b-1", "b-3"]);
    expect(run.deleted.EventAttachment).toBeGreaterThanOrEqual(3);
    expect(run.deleted.ForwardingDelivery).toBeGreaterThanOrEqual(1);
  });

  it("serves a file only while its event is stored", async () => {
    const ids = await query<{ filename: string; id: string }>(`SELECT filename, id FROM "EventAttachment" WHERE "projectId" = $1`, [b.projectId]);
    const idOf = (name: string) => ids.find((f) => f.filename === name)!.id;
    const download = (name: string) => fetch(`${BASE_URL}/api/v1/attachments/${idOf(name)}`, { headers: { cookie: cookieB } });
    expect((await download("kept.log")).status).toBe(200);
    // Its feedback holds fb-new's file.
    expect((await download("app.log")).status).toBe(200);
    const orphan = await download("orphan-new.log");
    expect(orphan.status).toBe(404);
  });

  it("keeps nothing about the end user on an issue, so nothing outlives the events", async () => {
    const contexts = await query<{ type: string; context: Record<string, unknown> }>(
      `SELECT type, context FROM "ErrorGroup" WHERE "projectId" = ANY($1::uuid[]) ORDER BY type`,
      [[a.projectId, b.projectId]],
    );
    expect(contexts.length).toBeGreaterThan(0);
    for (const { context } of contexts) expect(Object.keys(context).filter((k) => ["userId", "tags", "metadata"].includes(k))).toEqual([]);
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ErrorGroup" WHERE "projectId" = $1 AND (context::text LIKE '%victim.example%' OR context::text LIKE '%198.51.100.7%')`,
      [b.projectId],
    );
    expect(n).toBe(0);
  });

  it("counts an issue's stored events past retention, so what it stores now is exact", async () => {
    const counts = await query<{ type: string; occurrenceCount: number; expiredCount: number; stored: number }>(
      `SELECT type, "occurrenceCount", "expiredCount", (SELECT count(*)::int FROM "ErrorOccurrence" o WHERE o."groupId" = g.id) AS stored
       FROM "ErrorGroup" g WHERE "projectId" = ANY($1::uuid[]) ORDER BY type`,
      [[a.projectId, b.projectId]],
    );
    expect(counts).toEqual([
      { type: "AncientError", occurrenceCount: 2, expiredCount: 2, stored: 0 },
      { type: "BError", occurrenceCount: 3, expiredCount: 2, stored: 1 },
      { type: "OldError", occurrenceCount: 4, expiredCount: 2, stored: 2 },
      { type: "RecentError", occurrenceCount: 2, expiredCount: 0, stored: 2 },
    ]);
  });

  it("says an issue's events are past its project's retention instead of failing to load them", async () => {
    const ancient = (views.groupsA as { type: string; id: string }[]).find((g) => g.type === "AncientError")!;
    const details = await (await getJson(`/api/v1/errors/${ancient.id}`, { cookie: cookieA })).json();
    expect(details.retention).toEqual({ days: 90, expiredEvents: 2 });
    const latest = await getJson(`/api/v1/errors/${ancient.id}/events/latest`, { cookie: cookieA });
    expect(latest.status).toBe(404);
    expect((await latest.json()).error).toMatchObject({ code: "not_found", reason: "expired", retentionDays: 90 });
    // Narrowed by a filter, nothing matches: no reason.
    const filtered = await getJson(`/api/v1/errors/${ancient.id}/events/latest?environment=nowhere`, { cookie: cookieA });
    expect(filtered.status).toBe(404);
    expect((await filtered.json()).error.reason).toBeUndefined();
  });

  it("keeps every occurrence inside retention, and their event ids", async () => {
    const kept = ["a-old-3", "a-old-4", "a-recent-1", "a-recent-2"];
    expect((await stored(a.projectId)).map((r) => r.eventId)).toEqual(kept);
    expect((await eventIds(a.projectId)).map((r) => r.eventId)).toEqual(kept);
  });

  it("keeps issues with their counts and users, also those with no occurrence left", async () => {
    expect(await groups(a.projectId)).toEqual(views.groupsA);
    expect(await groups(b.projectId)).toEqual(views.groupsB);
    const ancient = (views.groupsA as { type: string; id: string; occurrenceCount: number }[]).find((g) => g.type === "AncientError")!;
    expect(ancient.occurrenceCount).toBe(2);
    const details = await getJson(`/api/v1/errors/${ancient.id}`, { cookie: cookieA });
    expect(details.status).toBe(200);
    const body = await details.json();
    expect(body.occurrences).toBe(2);
    expect(body.recentOccurrences).toEqual([]);
  });

  it("keeps the rollups (400 days), so trends survive", async () => {
    await actorCountsFolded(a.projectId);
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorDaily" WHERE "projectId" = $1 AND day = $2::date`, [a.projectId, addDays(today, -200)]);
    expect(n).toBe(2);
    // The view's per-environment, per-project and per-user rollups of that day too.
    const [kept] = await query<{ env: number; bucket: number; actors: number }>(
      `SELECT (SELECT count(*)::int FROM "ErrorEnvDaily" WHERE "projectId" = $1 AND day = $2::date) AS env,
              (SELECT count(*)::int FROM "ProjectBucket" WHERE "projectId" = $1 AND span = 1440 AND bucket = $2::timestamptz) AS bucket,
              (SELECT count(*)::int FROM "ActorCount" WHERE "projectId" = $1 AND span = 1440 AND start = $2::timestamptz) AS actors`,
      [a.projectId, `${addDays(today, -200)}T00:00:00Z`],
    );
    expect(kept.env).toBeGreaterThan(0);
    expect(kept.bucket).toBeGreaterThan(0);
    expect(kept.actors).toBeGreaterThan(0);
  });

  it("deletes the view's rollups past 400 days", async () => {
    for (const table of ["ErrorEnvDaily", "ErrorEnvWeekly", "ProjectBucket", "ActorCount"]) {
      expect(await query(`SELECT 1 FROM "${table}" WHERE "projectId" = $1 AND environment = 'old'`, [a.projectId]), table).toEqual([]);
    }
  });

  it("leaves the view's numbers for kept days unchanged", async () => {
    for (const t of [a, b]) for (const tf of ["7d", "30d"] as const) expect(await view(t, tf), `${t === a ? "A" : "B"} ${tf}`).toEqual(views[`${t.projectId}:${tf}`]);
  });

  it("deletes the rows of projects and issues that no longer exist (and only those)", async () => {
    for (const table of ["ErrorEventId", "IngestMinute", "ProjectDaily", "ProjectBucket", "ErrorHourly", "ErrorDaily"]) {
      expect(await query(`SELECT 1 FROM "${table}" WHERE "projectId" = $1`, [orphanProject]), table).toEqual([]);
    }
    expect(await query(`SELECT 1 FROM "ErrorGroupUser" WHERE "groupId" = $1`, [orphanGroup])).toEqual([]);
    expect(run.deleted["ProjectDaily (orphaned)"]).toBeGreaterThanOrEqual(1);
    expect(run.deleted["ErrorGroupUser (orphaned)"]).toBeGreaterThanOrEqual(1);
    expect(await query(`SELECT name FROM "SavedSearch" WHERE "workspaceId" = ANY($1::uuid[])`, [[orphanWorkspace, a.workspaceId]])).toEqual([{ name: "kept" }]);
    expect(run.deleted["SavedSearch (orphaned)"]).toBeGreaterThanOrEqual(1);
    // The live projects' users are untouched (their issues exist).
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorGroupUser" u JOIN "ErrorGroup" g ON g.id = u."groupId" WHERE g."projectId" = $1`, [a.projectId]);
    expect(n).toBeGreaterThan(0);
  });

  it("cleans expired sessions and old rate-limit windows", async () => {
    expect(await query(`SELECT 1 FROM "Session" WHERE id = 'retention-test-expired'`)).toEqual([]);
    expect(await query(`SELECT 1 FROM "RateLimitWindow" WHERE "projectId" = $1`, [a.projectId])).toEqual([]);
  });

  it("stores an event for a dropped day again: ingest recreates the partition", async () => {
    const res = await postEvents(a.key, { eventId: "a-late", type: "AncientError", message: "late arrival", occurredAt: at(200) });
    expect(res.status).toBe(202);
    expect((await res.json()).accepted[0].duplicate).toBe(false);
    expect((await stored(a.projectId)).map((r) => r.eventId)).toContain("a-late");
  });

  it("creates partitions ahead (yesterday to a week ahead)", async () => {
    await createPartitionsAhead(now);
    const days = new Set((await listOccurrencePartitions()).map((p) => p.day));
    for (let d = -1; d <= 7; d++) expect(days.has(addDays(today, d)), `day ${d}`).toBe(true);
  });
});

describe("migration 20261209000830 on a database from before it", () => {
  const sql = fs.readFileSync(path.join(import.meta.dirname, "../../prisma/migrations/20261209000830_group_expired_count/migration.sql"), "utf8");
  const section = (name: string) => sql.slice(sql.indexOf(`-- ${name}:begin`), sql.indexOf(`-- ${name}:end`));

  it("strips what issues kept of their first event's end user, and counts the stored events retention deleted", async () => {
    const ancient = (views.groupsA as { type: string; id: string }[]).find((g) => g.type === "AncientError")!;
    // As the issue was before: its first event's user, tags and whole metadata; nothing counted as expired.
    const before = {
      environment: "production",
      release: "shop@1.0",
      userId: "u1",
      tags: { customer: "x@victim.example" },
      metadata: { email: "x@victim.example", ip: "203.0.113.9", sourceMapDebugIds: { "https://shop.test/app.js": "c941d8e9-0000-4000-8000-000000000001" } },
    };
    await query(`UPDATE "ErrorGroup" SET context = $2::jsonb, "expiredCount" = 0 WHERE id = $1`, [ancient.id, JSON.stringify(before)]);
    await query(section("backfill-expired"));
    await query(section("strip-group-context"));
    const [row] = await query<{ context: unknown; expiredCount: number; occurrenceCount: number }>(
      `SELECT context, "expiredCount", "occurrenceCount" FROM "ErrorGroup" WHERE id = $1`,
      [ancient.id],
    );
    expect(row.context).toEqual({ environment: "production", release: "shop@1.0", metadata: { sourceMapDebugIds: before.metadata.sourceMapDebugIds } });
    // Both of its events are past A's retention.
    expect(row).toMatchObject({ occurrenceCount: 2, expiredCount: 2 });
  });
});
