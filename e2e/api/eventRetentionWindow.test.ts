import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";

/**
 * The native door keeps any past time within the project's retention (imports of recent history)
 * and refuses older events per event, naming occurredAt: they would be gone at the next retention
 * run, and each of their days would cost a day partition (a batch of 1971 dates made one per event).
 * Times more than 5 minutes ahead are the receive time. So one request never makes more partitions
 * than the retention has days.
 */
let t: Tenant;
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const partitionsLike = async (prefix: string) =>
  (await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE $1`, [`ErrorOccurrence_p${prefix}%`]))[0].n;

beforeAll(async () => {
  t = await createTenant("retention-window");
  const patched = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}`, {
    method: "PATCH",
    headers: { cookie: await login(t.admin), "content-type": "application/json" },
    body: JSON.stringify({ retentionDays: 30 }),
  });
  expect(patched.status).toBe(200);
});

describe("event times at the native door", () => {
  it("refuses each event older than the project's retention with its occurredAt named, stores the rest, and makes no partition for them", async () => {
    const ancient = Array.from({ length: 40 }, (_, i) => ({ type: "Ancient", eventId: `ancient-${i}`, occurredAt: new Date(Date.UTC(1971, 0, 1 + i)).toISOString() }));
    const res = await postEvents(t.key, [...ancient, { type: "Recent", eventId: "recent-1", occurredAt: daysAgo(29) }, { type: "Beyond", eventId: "beyond-1", occurredAt: daysAgo(32) }]);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: { index: number }[]; rejected: { index: number; issues: { path: string; message: string }[] }[] };
    expect(body.accepted.map((a) => a.index)).toEqual([40]);
    expect(body.rejected.map((r) => r.index)).toEqual([...ancient.keys(), 41]);
    expect(body.rejected[0].issues).toEqual([{ path: "events[0].occurredAt", message: expect.stringMatching(/^is before this project's retention of 30 days/) }]);
    expect(await partitionsLike("1971")).toBe(0);
    const types = await query<{ type: string }>(`SELECT type FROM "ErrorGroup" WHERE "projectId" = $1 ORDER BY 1`, [t.projectId]);
    expect(types.map((r) => r.type)).toEqual(["Recent"]);
  });

  it("refuses a single event older than the retention as a whole (422 naming occurredAt)", async () => {
    const res = await postEvents(t.key, { type: "Ancient", occurredAt: "1971-06-01T00:00:00Z" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error).toMatchObject({ code: "validation_failed", issues: [{ path: "occurredAt" }] });
  });

  it("dates an event from the far future when it was received: no partition for its day", async () => {
    const before = Date.now();
    const res = await postEvents(t.key, { type: "Future", eventId: "future-1", occurredAt: "2099-01-01T00:00:00Z" });
    expect(res.status).toBe(202);
    const [row] = await query<{ occurredAt: Date }>(`SELECT "occurredAt" FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" = 'future-1'`, [t.projectId]);
    expect(row.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.occurredAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await partitionsLike("2099")).toBe(0);
  });
});
