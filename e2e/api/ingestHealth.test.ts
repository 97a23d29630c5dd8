import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { plantWorkspaceWideAlert } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { parsePrometheusText } from "@/e2e/support/prometheusText";
import { BASE_URL, createTenant, createTestUser, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";
import { sampleStorage } from "@/lib/storage/sampleStorage";
import { addMember } from "@/lib/workspaces/addMember";

/** GET /api/v1/workspaces/:id/ingest-health and its Prometheus metrics, fed by real ingest. */
let t: Tenant;
let admin: string;
let viewer: string;
/** The instance operator, a viewer of t's workspace: the instance-wide figures are theirs, whatever the role. */
let operator: string;

const health = async (cookie: string, workspaceId = t.workspaceId) => getJson(`/api/v1/workspaces/${workspaceId}/ingest-health`, { cookie });

beforeAll(async () => {
  t = await createTenant("health");
  const operatorUser = await createTestUser(`operator-${randomUUID()}@test.local`, "Operator", { operator: true });
  await addMember({ workspaceId: t.workspaceId, userId: operatorUser.id, role: "viewer" });
  [admin, viewer, operator] = await Promise.all([login(t.admin), login(t.viewer), login(operatorUser)]);
  const repeated = `dup-${randomUUID()}`;
  // 3 stored, 1 invalid (dropped) in one batch; then the same event id again (duplicate).
  const batch = await postEvents(t.key, [
    { type: "TypeError", message: "a", eventId: repeated },
    { type: "TypeError", message: "b" },
    { type: "RangeError", message: "c" },
    { message: "no type" },
  ]);
  expect(batch.status).toBe(202);
  expect((await postEvents(t.key, { type: "TypeError", message: "a", eventId: repeated })).status).toBe(202);
  // A Sentry client report: the SDK discarded 4 error events (and 50 spans, which are not ours to count).
  const report = JSON.stringify({
    timestamp: Date.now() / 1000,
    discarded_events: [
      { reason: "ratelimit_backoff", category: "error", quantity: 4 },
      { reason: "sample_rate", category: "span", quantity: 50 },
    ],
  });
  const sent = await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`), new Uint8Array(envelope({ event_id: newEventId() }, [{ type: "client_report", payload: report }])));
  expect(sent.status).toBe(200);
  // Project shares come from today's storage sample, taken on the first read of the day (then hourly
  // by the job): a file running beside this one may have taken it before this project had rows.
  // Take one now, as the storage job would, so the shares below include this project. A workspace-wide
  // alert (no project, as the disk forecast raises) is a row of no project's share: it must not stop it.
  await plantWorkspaceWideAlert(t.workspaceId);
  await sampleStorage();
});

describe("GET /api/v1/workspaces/:id/ingest-health", () => {
  it("counts what happened to each project's events", async () => {
    const project = await waitFor(async () => {
      const body = (await (await health(admin)).json()) as IngestHealth;
      const p = body.projects.find((x) => x.id === t.projectId);
      return p && p.lastHour.accepted === 3 && p.lastHour.clientDiscarded === 4 ? p : undefined;
    }, 90_000, 1000);
    expect(project.lastHour).toEqual({ accepted: 3, duplicate: 1, rateLimited: 0, sampled: 0, dropped: 1, filtered: 0, clientDiscarded: 4 });
    expect(project.last24h).toEqual(project.lastHour);
    // 5 events reached the server in the last 5 minutes (stored, duplicate, invalid): rate over 300 s.
    expect(project.eventsPerSecond).toBeCloseTo(5 / 300, 2);
  });

  it("shows the project's share of the database per table", async () => {
    const body = (await (await health(admin)).json()) as IngestHealth;
    const storage = body.projects.find((x) => x.id === t.projectId)!.storage!;
    const occurrences = storage.tables.find((x) => x.name === "ErrorOccurrence");
    expect(occurrences?.rows).toBe(3);
    expect(occurrences?.bytes).toBeGreaterThan(0);
    expect(storage.bytes).toBe(storage.tables.reduce((sum, x) => sum + x.bytes, 0));
  });

  it("gives the instance operator the database per table, growth and days of disk left", async () => {
    const body = (await (await health(operator)).json()) as IngestHealth;
    const db = body.database!;
    expect(db.bytes).toBeGreaterThan(1_000_000);
    expect(db.tables.map((x) => x.name)).toEqual(expect.arrayContaining(["ErrorOccurrence", "ErrorGroup", "IngestMinute"]));
    expect(db.tables.reduce((sum, x) => sum + x.bytes, 0)).toBeLessThanOrEqual(db.bytes);
    // The test database is on this machine: free space comes from its data directory's filesystem.
    expect(db.disk.source).toBe("filesystem");
    expect(db.disk.freeBytes).toBeGreaterThan(0);
    expect(db.disk.totalBytes).toBeGreaterThanOrEqual(db.disk.freeBytes!);
    expect(db.growthPerDayBytes === null || db.growthPerDayBytes >= 0).toBe(true);
    if (db.growthPerDayBytes && db.growthPerDayBytes > 0) expect(db.disk.daysLeft).toBeCloseTo(db.disk.freeBytes! / db.growthPerDayBytes, -1);
  });

  it("tells the instance operator how the instance acknowledges ingest and what its spool holds", async () => {
    const body = (await (await health(operator)).json()) as IngestHealth;
    // The suite's app runs with the defaults: answered once committed, a 512 MiB spool, PostgreSQL up.
    expect(body.instance).toMatchObject({ ack: "commit", spool: { maxBytes: 512 * 1024 * 1024, spooling: false } });
    expect(body.instance!.spool.bytes).toBeGreaterThanOrEqual(0);
  });

  it("shows workspace admins and viewers their projects' figures, never the instance-wide ones", async () => {
    // Anyone signed in can create a workspace and be its admin: every tenant's volumes, the disk, the
    // data directory and the jobs' errors are the instance operator's, not a workspace role's.
    for (const cookie of [admin, viewer]) {
      const body = (await (await health(cookie)).json()) as IngestHealth;
      expect(body.projects.map((p) => p.id)).toEqual([t.projectId]);
      expect(body.projects[0].storage?.bytes).toBeGreaterThan(0);
      expect(body.database).toBeNull();
      expect(body.instance).toBeNull();
    }
  });

  it("answers 401 without a session, 404 for another workspace, 422 for a malformed id", async () => {
    expect((await getJson(`/api/v1/workspaces/${t.workspaceId}/ingest-health`, {})).status).toBe(401);
    const other = await createTenant("health-other");
    expect((await health(admin, other.workspaceId)).status).toBe(404);
    const bad = await health(admin, "not-a-uuid");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("workspaceId");
  });
});

const token = process.env.METRICS_TOKEN;

describe.runIf(Boolean(token))("ingest health in Prometheus", () => {
  it("exports outcomes per project, storage, disk and growth", async () => {
    const res = await fetch(`${BASE_URL}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const { samples, types } = parsePrometheusText(await res.text());
    const outcome = (o: string) => samples.find((s) => s.name === "faultline_ingest_events_total" && s.labels.project === t.projectId && s.labels.outcome === o)?.value;
    expect([outcome("accepted"), outcome("duplicate"), outcome("dropped"), outcome("clientDiscarded")]).toEqual([3, 1, 1, 4]);
    expect(types.get("faultline_database_bytes")).toBe("gauge");
    // How many events' per-user counts the actor-fold job has still to take (0 or more: it runs every second).
    expect(types.get("faultline_actor_pending_events")).toBe("gauge");
    expect(samples.find((s) => s.name === "faultline_actor_pending_events")?.value).toBeGreaterThanOrEqual(0);
    expect(samples.find((s) => s.name === "faultline_table_bytes" && s.labels.table === "ErrorOccurrence")?.value).toBeGreaterThan(0);
    expect(samples.find((s) => s.name === "faultline_disk_free_bytes")?.labels.source).toBe("filesystem");
    expect(samples.find((s) => s.name === "faultline_project_bytes" && s.labels.project === t.projectId)?.value).toBeGreaterThan(0);
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "StorageSample" WHERE scope = 'project' AND name = $1`, [t.projectId]);
    expect(n).toBe(1);
  });
});
