import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { createTenant, getJson, login, patchJson, type Tenant } from "@/e2e/support/tenant";

const HOUR = 3_600_000;
let t: Tenant;
let cookie: string;
const auth = () => `sentry_key=${t.key}&sentry_version=7`;

async function stored(eventId: string) {
  const rows = await query<{ occurredAt: Date; groupId: string; firstSeen: Date; correction: Record<string, unknown> | null }>(
    `SELECT o."occurredAt", o."groupId", g."firstSeen", o.metadata->'sentry'->'timestamp_correction' AS correction
     FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $1 AND o."eventId" = $2`,
    [t.projectId, eventId],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

beforeAll(async () => {
  t = await createTenant("clock");
  cookie = await login(t.admin);
});

describe("Sentry events from devices with wrong clocks", () => {
  it("moves an event by the clock error its envelope's sent_at shows, breadcrumbs too, and says so in the details", async () => {
    const id = newEventId();
    const skew = 3 * HOUR;
    const before = Date.now();
    const payload = errorEvent(id, {
      timestamp: (Date.now() - skew - 5_000) / 1000,
      exception: { values: [{ type: "ClockSkewError", value: "device clock 3 h behind", stacktrace: { frames: [{ filename: "app:///clock.js", function: "tick", lineno: 1, in_app: true }] } }] },
      breadcrumbs: [{ timestamp: (Date.now() - skew - 20_000) / 1000, category: "ui.click", message: "tapped" }],
    });
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), new Uint8Array(envelope({ event_id: id, sent_at: new Date(Date.now() - skew).toISOString() }, [{ type: "event", payload }])));
    expect(res.status).toBe(200);
    const row = await stored(id);
    // Where the user saw it: ≈ 5 s before it was sent, by our clock — not 3 hours ago.
    expect(row.occurredAt.getTime()).toBeGreaterThan(before - 60_000);
    expect(row.occurredAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row.correction).toMatchObject({ reason: "clock_drift" });
    expect(Math.abs(Number(row.correction?.driftSeconds) - skew / 1000)).toBeLessThan(60);

    const event = await getJson(`/api/v1/errors/${row.groupId}/events/${id}`, { cookie });
    expect(event.status).toBe(200);
    const body = await event.json();
    expect(body.timestampCorrection).toMatchObject({ reason: "clock_drift" });
    const crumb = Date.parse(body.breadcrumbs[0].at);
    expect(crumb).toBeGreaterThan(before - 90_000);
    expect(crumb).toBeLessThan(row.occurredAt.getTime());
  });

  it("dates a zeroed clock's event (timestamp 0, legacy store endpoint) when it was received, so the issue is not first seen in 1970", async () => {
    const id = newEventId();
    const before = Date.now();
    const payload = errorEvent(id, { timestamp: 0, exception: { values: [{ type: "EpochError", value: "clock reset", stacktrace: { frames: [{ filename: "app:///epoch.js", function: "boot", lineno: 1, in_app: true }] } }] } });
    const res = await postRaw(sentryUrl(t.projectPublicId, "store", auth()), payload, { "content-type": "application/json" });
    expect(res.status).toBe(200);
    const row = await stored(id);
    expect(row.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(row.firstSeen.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(row.correction).toEqual({ reason: "too_old", sent: "1970-01-01T00:00:00.000Z" });
  });

  it("keeps the time of an event an offline app queued for a week (and of one whose clock agrees)", async () => {
    const id = newEventId();
    const weekAgo = Date.now() - 7 * 24 * HOUR;
    const payload = errorEvent(id, { timestamp: weekAgo / 1000 });
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), new Uint8Array(envelope({ event_id: id, sent_at: new Date().toISOString() }, [{ type: "event", payload }])));
    expect(res.status).toBe(200);
    const row = await stored(id);
    expect(Math.abs(row.occurredAt.getTime() - weekAgo)).toBeLessThan(1_000);
    expect(row.correction).toBeNull();
  });

  it("dates an event older than a short retention when it was received (stored at its own time it would vanish at the next retention run)", async () => {
    const short = await createTenant("clock-retention");
    const admin = await login(short.admin);
    expect((await patchJson(`/api/v1/projects/${short.projectId}`, admin, { retentionDays: 7 })).status).toBe(200);
    const shortAuth = `sentry_key=${short.key}&sentry_version=7`;
    const send = async (id: string, at: number) =>
      postRaw(sentryUrl(short.projectPublicId, "envelope", shortAuth), new Uint8Array(envelope({ event_id: id, sent_at: new Date().toISOString() }, [{ type: "event", payload: errorEvent(id, { timestamp: at / 1000 }) }])));
    const old = newEventId();
    const tenDaysAgo = Date.now() - 10 * 24 * HOUR;
    const before = Date.now();
    expect((await send(old, tenDaysAgo)).status).toBe(200);
    const kept = newEventId();
    const threeDaysAgo = Date.now() - 3 * 24 * HOUR;
    expect((await send(kept, threeDaysAgo)).status).toBe(200);
    const rows = await query<{ eventId: string; occurredAt: Date; correction: Record<string, unknown> | null }>(
      `SELECT "eventId", "occurredAt", metadata->'sentry'->'timestamp_correction' AS correction FROM "ErrorOccurrence" WHERE "projectId" = $1 ORDER BY "occurredAt"`,
      [short.projectId],
    );
    const byId = new Map(rows.map((r) => [r.eventId, r]));
    expect(byId.get(old)?.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(byId.get(old)?.correction).toEqual({ reason: "too_old", sent: new Date(tenDaysAgo).toISOString() });
    expect(Math.abs((byId.get(kept)?.occurredAt.getTime() ?? 0) - threeDaysAgo)).toBeLessThan(1_000);
    expect(byId.get(kept)?.correction).toBeNull();
  });

  it("counts a wrong clock's release-health session in the minute it really started", async () => {
    const skew = 5 * HOUR;
    const before = Date.now();
    const session = JSON.stringify({ sid: newEventId(), status: "crashed", errors: 1, started: new Date(Date.now() - skew).toISOString(), attrs: { release: "clock@1.0", environment: "clock-test" } });
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), new Uint8Array(envelope({ sent_at: new Date(Date.now() - skew).toISOString() }, [{ type: "session", payload: session }])));
    expect(res.status).toBe(200);
    const rows = await query<{ minute: Date; crashed: number }>(`SELECT minute, crashed FROM "ExecutionMinute" WHERE "projectId" = $1 AND environment = 'clock-test'`, [t.projectId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].crashed).toBe(1);
    expect(rows[0].minute.getTime()).toBeGreaterThan(before - 2 * 60_000);
  });
});
