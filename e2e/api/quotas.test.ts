import * as Sentry from "@sentry/node";
import { afterAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, login, getJson, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";

/**
 * Per-project quotas on both ingest doors, answered as Sentry expects: 429 with Retry-After and
 * X-Sentry-Rate-Limits naming the error categories. The real @sentry/node SDK backs off after the
 * first 429: the events it then holds back never reach the server.
 */
const stored = async (projectId: string) => (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1`, [projectId]))[0].n;

/** A fresh project with the quota set through the API the settings page uses. */
async function projectWithQuota(name: string, body: object): Promise<Tenant> {
  const t = await createTenant(name);
  const res = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}`, {
    method: "PATCH",
    headers: { cookie: await login(t.admin), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return t;
}

/**
 * Quota windows are wall-clock minutes and UTC days. Rather than wait for a boundary to pass, a run
 * that straddled one (the counts then legitimately differ) is repeated on a fresh project.
 */
async function withinOneWindow<T>(windowMs: number, run: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const window = Math.floor(Date.now() / windowMs);
    const result = await run(attempt);
    if (Math.floor(Date.now() / windowMs) === window || attempt === 3) return result;
  }
}

afterAll(async () => {
  await Sentry.close(2000);
});

describe("quotas", () => {
  it("per minute, on the Sentry door: 3 stored, one 429, and @sentry/node holds back the rest", async () => {
    const { sdk, storedEvents } = await withinOneWindow(60_000, async (attempt) => {
      const sdk = await projectWithQuota(`quota-sdk-${attempt}`, { quotaPerMinute: 3 });
      Sentry.init({ dsn: `http://${sdk.key}@${new URL(BASE_URL).host}/${sdk.projectPublicId}`, defaultIntegrations: false, sendClientReports: false });
      for (let i = 0; i < 8; i++) {
        Sentry.captureException(new Error(`quota test ${i}`));
        await Sentry.flush(5000);
      }
      return { sdk, storedEvents: await stored(sdk.projectId) };
    });
    expect(storedEvents).toBe(3);
    const cookie = await login(sdk.admin);
    const counts = await waitFor(async () => {
      const body = (await (await getJson(`/api/v1/workspaces/${sdk.workspaceId}/ingest-health`, { cookie })).json()) as IngestHealth;
      const p = body.projects[0];
      return p.lastHour.accepted === 3 && p.lastHour.rateLimited > 0 ? p.lastHour : undefined;
    }, 20_000, 500);
    // Only the event that got the 429 reached the server; the SDK dropped the next four itself.
    expect(counts.rateLimited).toBe(1);
  });

  it("per UTC day, on the native door: 429 with Retry-After to midnight and Sentry's header", async () => {
    const { native, statuses, refused, untilMidnight } = await withinOneWindow(86_400_000, async (attempt) => {
      const native = await projectWithQuota(`quota-native-${attempt}`, { quotaPerDay: 2 });
      const statuses = [(await postEvents(native.key, { type: "QuotaError", message: "1" })).status, (await postEvents(native.key, { type: "QuotaError", message: "2" })).status];
      const refused = await postEvents(native.key, { type: "QuotaError", message: "3" });
      const untilMidnight = Math.ceil((Math.ceil(Date.now() / 86_400_000) * 86_400_000 - Date.now()) / 1000);
      return { native, statuses, refused, untilMidnight };
    });
    expect(statuses).toEqual([202, 202]);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Math.abs(retryAfter - untilMidnight)).toBeLessThanOrEqual(5);
    expect(refused.headers.get("x-sentry-rate-limits")).toBe(`${retryAfter}:error;default;security;attachment;feedback;transaction;span;profile;profile_chunk;replay;log_item;trace_metric;metric_bucket;statsd:project:project_quota`);
    expect((await refused.json()).error).toMatchObject({ code: "quota_exceeded", quota: "day" });
    expect(await stored(native.projectId)).toBe(2);
  });

  it("a day quota raised after it was reached admits again within seconds, not at midnight", async () => {
    const { native, cookie } = await withinOneWindow(86_400_000, async (attempt) => {
      const native = await projectWithQuota(`quota-raised-${attempt}`, { quotaPerDay: 2 });
      for (const message of ["1", "2"]) expect((await postEvents(native.key, { type: "QuotaError", message })).status).toBe(202);
      expect((await postEvents(native.key, { type: "QuotaError", message: "3" })).status).toBe(429);
      return { native, cookie: await login(native.admin) };
    });
    const raised = await fetch(`${BASE_URL}/api/v1/projects/${native.projectId}`, {
      method: "PATCH",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ quotaPerDay: 1000 }),
    });
    expect(raised.status).toBe(200);
    // The ingest key cache carries the new limit within seconds; the day's window is usable again then.
    await waitFor(async () => ((await postEvents(native.key, { type: "QuotaError", message: "after raise" })).status === 202 ? true : undefined), 15_000, 250);
    for (let i = 0; i < 5; i++) expect((await postEvents(native.key, { type: "QuotaError", message: `more ${i}` })).status).toBe(202);
    expect(await stored(native.projectId)).toBe(8);
  });
});
