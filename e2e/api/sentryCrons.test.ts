import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { BASE_URL, createTenant, login, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import type { CheckInList } from "@/lib/crons/listCheckIns";
import { recordCheckIns } from "@/lib/crons/recordCheckIns";
import { mapCheckIn } from "@/lib/sentry/mapCheckIn";
import type { MonitorList, MonitorListItem } from "@/lib/crons/listMonitors";

let t: Tenant;
let viewer: string;
let admin: string;

const envelopeUrl = () => sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}`);
const cronUrl = (slug: string, query = "", key = t.key) => `${BASE_URL}/api/${t.projectPublicId}/cron/${slug}/${key}/${query ? `?${query}` : ""}`;

function checkIn(fields: Record<string, unknown>) {
  return { type: "check_in", payload: JSON.stringify({ environment: "production", release: "jobs@1.4.0", ...fields }) };
}
const sendItems = (items: { type: string; payload: string }[]) => postRaw(envelopeUrl(), new Uint8Array(envelope({ sent_at: new Date().toISOString() }, items)));

async function monitors(cookie = viewer): Promise<MonitorListItem[]> {
  const res = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/monitors`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as MonitorList).items;
}
const monitorOf = async (slug: string, environment = "production") => (await monitors()).find((m) => m.slug === slug && m.environment === environment);

async function runsOf(monitorId: string): Promise<CheckInList> {
  const res = await fetch(`${BASE_URL}/api/v1/monitors/${monitorId}/check-ins`, { headers: { cookie: viewer } });
  expect(res.status).toBe(200);
  return (await res.json()) as CheckInList;
}

async function issue(groupId: string) {
  const [row] = await query<{ type: string; message: string; status: string; occurrenceCount: number; severity: string }>(
    `SELECT type, message, status::text, "occurrenceCount", severity::text FROM "ErrorGroup" WHERE id = $1`,
    [groupId],
  );
  return row;
}

const HOURLY = { schedule: { type: "crontab", value: "0 * * * *" }, checkin_margin: 5, max_runtime: 20, timezone: "Europe/Berlin" };

beforeAll(async () => {
  t = await createTenant("crons");
  viewer = await login(t.viewer);
  admin = await login(t.admin);
});

describe("Sentry Crons check-ins", () => {
  it("creates a monitor from a check-in with monitor_config; in_progress then ok with the same id is one run", async () => {
    const id = randomUUID().replaceAll("-", "");
    const sentAt = Date.now();
    expect((await sendItems([checkIn({ check_in_id: id, monitor_slug: "Nightly Report", status: "in_progress", monitor_config: HOURLY })])).status).toBe(200);
    const started = await monitorOf("nightly-report");
    expect(started).toMatchObject({ status: "pending", schedule: "0 * * * * (Europe/Berlin)", checkinMargin: 5, maxRuntime: 20, lastCheckInStatus: "in_progress" });
    // The next run is due at the next full hour.
    expect(new Date(started!.nextExpectedAt!).getUTCMinutes()).toBe(0);
    // (After the check-in, not after this read: a check-in a second before the hour is due at that hour.)
    expect(new Date(started!.nextExpectedAt!).getTime()).toBeGreaterThan(sentAt);

    expect((await sendItems([checkIn({ check_in_id: id, monitor_slug: "nightly-report", status: "ok", duration: 12.5 })])).status).toBe(200);
    // The SDK retrying the closing check-in changes nothing.
    expect((await sendItems([checkIn({ check_in_id: id, monitor_slug: "nightly-report", status: "error" })])).status).toBe(200);
    const done = await monitorOf("nightly-report");
    expect(done).toMatchObject({ status: "ok", lastCheckInStatus: "ok", issueId: null, nextExpectedAt: started!.nextExpectedAt });
    expect(done!.recent).toEqual([expect.objectContaining({ status: "ok", durationMs: 12500, release: "jobs@1.4.0" })]);
    const runs = await runsOf(done!.id);
    expect(runs.total).toBe(1);
    expect(runs.items[0].id).toBe(`${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`);
  });

  it("makes a failed run an issue event, and resolves the issue when the monitor recovers", async () => {
    const slug = "billing-sync";
    await sendItems([checkIn({ monitor_slug: slug, status: "ok", monitor_config: { schedule: { type: "interval", value: 2, unit: "hour" } } })]);
    expect((await sendItems([checkIn({ monitor_slug: slug, status: "error", duration: 3 })])).status).toBe(200);
    const failing = await monitorOf(slug);
    expect(failing).toMatchObject({ status: "failing", lastCheckInStatus: "error", schedule: "every 2 hours" });
    expect(failing!.issueId).toEqual(expect.any(String));
    expect(await issue(failing!.issueId!)).toMatchObject({
      type: "CronMonitorFailure",
      message: "Cron monitor billing-sync (production) failed: the run checked in with status error",
      status: "new",
      occurrenceCount: 1,
      severity: "high",
    });
    // The issue's details name its monitor (the issue page links to its runs).
    const details = (await (await fetch(`${BASE_URL}/api/v1/errors/${failing!.issueId}`, { headers: { cookie: viewer } })).json()) as { monitor: unknown };
    expect(details.monitor).toEqual({ id: failing!.id, slug, environment: "production", status: "failing", uptime: false });
    // A second failure is another event of the same issue.
    await sendItems([checkIn({ monitor_slug: slug, status: "error" })]);
    expect(await issue(failing!.issueId!)).toMatchObject({ occurrenceCount: 2, status: "new" });

    await sendItems([checkIn({ monitor_slug: slug, status: "ok" })]);
    expect(await monitorOf(slug)).toMatchObject({ status: "ok", issueId: failing!.issueId });
    expect((await issue(failing!.issueId!)).status).toBe("resolved");
    const [audit] = await query<{ actorType: string; after: { reason: string } }>(
      `SELECT "actorType", after FROM "AuditLog" WHERE "targetId" = $1 AND action = 'error.resolved'`,
      [failing!.issueId],
    );
    expect(audit).toMatchObject({ actorType: "system", after: { reason: "cron monitor billing-sync recovered" } });

    // Failing again reopens it as a regression.
    await sendItems([checkIn({ monitor_slug: slug, status: "error" })]);
    expect(await issue(failing!.issueId!)).toMatchObject({ status: "new", occurrenceCount: 3 });
  });

  it("a failing monitor's issue merged into another: the monitor links to, and its recovery resolves, the issue that holds its failures", async () => {
    const slug = "ledger-export";
    await sendItems([checkIn({ monitor_slug: slug, status: "ok", monitor_config: { schedule: { type: "interval", value: 2, unit: "hour" } } })]);
    await sendItems([checkIn({ monitor_slug: slug, status: "error" })]);
    const failed = (await monitorOf(slug))!.issueId!;
    // Another issue of the project, which the triager decides is the same problem.
    const other = await fetch(`${BASE_URL}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", "x-faultline-key": t.key }, body: JSON.stringify({ type: "LedgerExportError", message: "export stalled" }) });
    const target = (await other.json()).accepted[0].groupId as string;
    const merged = await fetch(`${BASE_URL}/api/v1/errors/merge`, { method: "POST", headers: { "content-type": "application/json", cookie: admin }, body: JSON.stringify({ targetId: target, sourceIds: [failed] }) });
    expect(merged.status).toBe(200);
    // The monitor's list row links to the issue that holds its failures now.
    expect(await monitorOf(slug)).toMatchObject({ status: "failing", issueId: target });

    await sendItems([checkIn({ monitor_slug: slug, status: "ok" })]);
    expect((await issue(target)).status).toBe("resolved");
  });

  it("waits for failure_issue_threshold consecutive failures; each environment is its own monitor", async () => {
    const slug = "flaky-export";
    const config = { schedule: { type: "crontab", value: "*/10 * * * *" }, failure_issue_threshold: 2 };
    await sendItems([checkIn({ monitor_slug: slug, status: "error", monitor_config: config })]);
    expect(await monitorOf(slug)).toMatchObject({ status: "pending", issueId: null, lastCheckInStatus: "error" });
    await sendItems([checkIn({ monitor_slug: slug, status: "error", environment: "staging", monitor_config: config })]);
    expect(await monitorOf(slug, "staging")).toMatchObject({ status: "pending", issueId: null });
    await sendItems([checkIn({ monitor_slug: slug, status: "error" })]);
    const failing = await monitorOf(slug);
    expect(failing).toMatchObject({ status: "failing", issueId: expect.any(String) });
    expect(await monitorOf(slug, "staging")).toMatchObject({ status: "pending", issueId: null });
  });

  it("keeps a monitor failing when an older run's success arrives after a newer run failed; an older failure still counts", async () => {
    const slug = "overlapping-import";
    const [older, newer] = [randomUUID(), randomUUID()];
    await sendItems([checkIn({ monitor_slug: slug, check_in_id: older, status: "in_progress", monitor_config: HOURLY })]);
    await sendItems([checkIn({ monitor_slug: slug, check_in_id: newer, status: "in_progress" })]);
    await sendItems([checkIn({ monitor_slug: slug, check_in_id: newer, status: "error" })]);
    await sendItems([checkIn({ monitor_slug: slug, check_in_id: older, status: "ok" })]);
    const failing = await monitorOf(slug);
    expect(failing).toMatchObject({ status: "failing", issueId: expect.any(String), lastCheckInStatus: "error" });
    expect((await runsOf(failing!.id)).items.map((r) => [r.id, r.status])).toEqual([
      [newer, "error"],
      [older, "ok"],
    ]);

    // The other way round: the newest run succeeded and recovered the monitor, then an older run fails late.
    const [third, fourth] = [randomUUID(), randomUUID()];
    await sendItems([checkIn({ monitor_slug: slug, check_in_id: third, status: "in_progress" })]);
    await sendItems([checkIn({ monitor_slug: slug, check_in_id: fourth, status: "ok" })]);
    expect(await monitorOf(slug)).toMatchObject({ status: "ok" });
    await sendItems([checkIn({ monitor_slug: slug, check_in_id: third, status: "error" })]);
    expect(await monitorOf(slug)).toMatchObject({ status: "failing" });
    expect(await issue(failing!.issueId!)).toMatchObject({ occurrenceCount: 2 });
  });

  it("marks a run missed when no check-in came by its due time plus margin, and a run timed out past its max runtime", async () => {
    const slug = "hourly-cleanup";
    const runId = randomUUID();
    await sendItems([checkIn({ monitor_slug: slug, check_in_id: runId, status: "in_progress", monitor_config: { ...HOURLY, checkin_margin: 1, max_runtime: 5 } })]);
    const monitor = (await monitorOf(slug))!;
    // As if the hour had passed: the run due now was not reported, and the running one is over its 5 minutes.
    const due = new Date(Date.now() - 2 * 60_000);
    await query(`UPDATE "CronMonitor" SET "nextExpectedAt" = $2, "missedAt" = $3 WHERE id = $1`, [monitor.id, due, new Date(due.getTime() + 60_000)]);
    await query(`UPDATE "CronCheckIn" SET "timeoutAt" = now() - interval '1 second' WHERE "monitorId" = $1 AND id = $2`, [monitor.id, runId]);

    // The sweep runs every 10 s on the test app.
    const swept = await waitFor(async () => {
      const runs = await runsOf(monitor.id);
      return runs.items.some((r) => r.status === "missed") && runs.items.some((r) => r.status === "timeout") ? runs : undefined;
    }, 40_000);
    const missed = swept.items.find((r) => r.status === "missed")!;
    expect(new Date(missed.expectedAt!).getTime()).toBe(due.getTime());
    expect(swept.items.find((r) => r.id === runId)).toMatchObject({ status: "timeout", durationMs: expect.any(Number) });

    const after = await waitFor(async () => {
      const m = await monitorOf(slug);
      return m?.issueId ? m : undefined;
    });
    expect(after.status).toBe("failing");
    // The next run is due again after now, not at the missed hour.
    expect(new Date(after.nextExpectedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const failures = await waitFor(async () => {
      const rows = await query<{ message: string }>(`SELECT message FROM "ErrorOccurrence" WHERE "groupId" = $1`, [after.issueId]);
      return rows.length === 2 ? rows : undefined;
    });
    expect(failures.map((f) => f.message).sort()).toEqual([
      expect.stringContaining("missed a check-in: a run was due at"),
      expect.stringContaining("timed out: the run was still in progress after 5 minutes"),
    ]);
  });

  it("takes a run that checks in seconds before its tick (the host clock ahead of ours) for that tick's run, so that tick is not reported missed", async () => {
    // Through lib with the receive time given (as the spool's replay does), at a tick two days ahead
    // so the app's own sweep never reaches this monitor while the test runs.
    const tick = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000);
    const target = { workspaceId: t.workspaceId, projectId: t.projectId };
    const run = (status: string, at: Date) =>
      recordCheckIns(target, [mapCheckIn({ monitor_slug: "early-clock", check_in_id: randomUUID(), status, environment: "production", monitor_config: { ...HOURLY, checkin_margin: 1 } }, "test")], at);
    await run("ok", new Date(tick.getTime() - 30 * 60_000));
    expect(new Date((await monitorOf("early-clock"))!.nextExpectedAt!).getTime()).toBe(tick.getTime());
    // The run of `tick`, 3 s early: the next one is due an hour after the tick, not at the tick.
    await run("ok", new Date(tick.getTime() - 3_000));
    expect(new Date((await monitorOf("early-clock"))!.nextExpectedAt!).getTime()).toBe(tick.getTime() + 3_600_000);
    // A run two minutes before its tick is not early for it: that tick is still due.
    await run("ok", new Date(tick.getTime() + 3_600_000 - 120_000));
    expect(new Date((await monitorOf("early-clock"))!.nextExpectedAt!).getTime()).toBe(tick.getTime() + 3_600_000);
  });

  it("refuses a malformed check-in with 400 naming the field, and stores nothing of its envelope", async () => {
    const eventId = newEventId();
    const cases: [Record<string, unknown>, string][] = [
      [{ monitor_slug: "x", status: "finished" }, "status"],
      [{ status: "ok" }, "monitor_slug"],
      [{ monitor_slug: "x", status: "ok", monitor_config: { schedule: { type: "crontab", value: "0 25 * * *" } } }, "monitor_config.schedule.value"],
      // February 31st never comes: the monitor would never be due, so never reported missed.
      [{ monitor_slug: "x", status: "ok", monitor_config: { schedule: { type: "crontab", value: "0 0 31 2 *" } } }, "monitor_config.schedule.value"],
      [{ monitor_slug: "x", status: "ok", monitor_config: { schedule: { type: "crontab", value: "* * * * *" }, timezone: "Moon/Base" } }, "monitor_config.timezone"],
      [{ monitor_slug: "x", status: "ok", duration: -5 }, "duration"],
      [{ monitor_slug: "x".repeat(300), status: "ok" }, "monitor_slug"],
    ];
    for (const [fields, field] of cases) {
      const res = await sendItems([{ type: "event", payload: errorEvent(eventId) }, checkIn(fields)]);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string; field?: string } };
      expect(body.error.field).toBe(field);
    }
    // JSON's 1e400 is Infinity: a duration no run had.
    const infinite = await sendItems([{ type: "check_in", payload: '{"monitor_slug":"x","status":"ok","duration":1e400}' }]);
    expect(infinite.status).toBe(400);
    expect(await infinite.json()).toMatchObject({ error: { field: "duration" } });
    expect(await query(`SELECT 1 FROM "ErrorEventId" WHERE "projectId" = $1 AND "eventId" = $2`, [t.projectId, eventId])).toHaveLength(0);
    expect(await monitorOf("x")).toBeUndefined();
  });
});

describe("the HTTP check-in endpoint (curl in a crontab)", () => {
  it("records GET ?status= and POST with a JSON body and monitor_config; answers 202 {id}", async () => {
    const posted = await fetch(cronUrl("db-backup"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "in_progress", monitor_config: { schedule: { type: "crontab", value: "30 2 * * *" }, timezone: "UTC" } }),
    });
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as { id: string };
    const closed = await fetch(cronUrl("db-backup", `status=ok&check_in_id=${id}&duration=61`));
    expect(closed.status).toBe(202);
    expect(await closed.json()).toEqual({ id });
    const monitor = await monitorOf("db-backup");
    expect(monitor).toMatchObject({ status: "ok", schedule: "30 2 * * * (UTC)", recent: [expect.objectContaining({ id, status: "ok", durationMs: 61000 })] });
    expect(new Date(monitor!.nextExpectedAt!).toISOString()).toMatch(/T02:30:00\.000Z$/);
  });

  it('closes the newest run in progress with check_in_id=latest, as a crontab line without the id can', async () => {
    const started = await fetch(cronUrl("log-rotate", "status=in_progress"));
    const { id } = (await started.json()) as { id: string };
    const closed = await fetch(cronUrl("log-rotate", "status=ok&check_in_id=latest"));
    expect(await closed.json()).toEqual({ id });
    const runs = await runsOf((await monitorOf("log-rotate"))!.id);
    expect(runs.items).toEqual([expect.objectContaining({ id, status: "ok", durationMs: expect.any(Number) })]);
    // With no run in progress, "latest" is a run of its own.
    const alone = (await (await fetch(cronUrl("log-rotate", "status=ok&check_in_id=latest"))).json()) as { id: string };
    expect(alone.id).not.toBe(id);
    expect((await runsOf((await monitorOf("log-rotate"))!.id)).total).toBe(2);
  });

  it("answers 403 for a wrong key, 404 for an unknown project, 400 naming the field", async () => {
    expect((await fetch(cronUrl("db-backup", "status=ok", "0123456789abcdef0123456789abcdef"))).status).toBe(403);
    expect((await fetch(`${BASE_URL}/api/987654321/cron/db-backup/${t.key}/?status=ok`)).status).toBe(404);
    const bad = await fetch(cronUrl("db-backup", "status=done"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("status");
    const notJson = await fetch(cronUrl("db-backup", "status=ok"), { method: "POST", body: "{not json" });
    expect(notJson.status).toBe(400);
    const never = await fetch(cronUrl("leap-job"), { method: "POST", body: JSON.stringify({ status: "ok", monitor_config: { schedule: { type: "crontab", value: "0 0 31 2 *" } } }) });
    expect(never.status).toBe(400);
    expect(await never.json()).toMatchObject({ error: { message: expect.stringContaining("never fires"), field: "monitor_config.schedule.value" } });
    expect(await monitorOf("leap-job")).toBeUndefined();
    // A duration that is no number of seconds, and a slug past 64 characters, are refused rather than dropped or cut.
    for (const duration of ["1e400", "-5", "NaN", "soon"]) {
      const res = await fetch(cronUrl("timed-job", `status=ok&duration=${duration}`));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { field: "duration" } });
    }
    expect(await monitorOf("timed-job")).toBeUndefined();
    const long = await fetch(cronUrl("j".repeat(300), "status=ok"));
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ error: { field: "monitor_slug", limit: 64 } });
    expect((await monitors()).some((m) => m.slug.startsWith("jjjj"))).toBe(false);
    // Characters PostgreSQL cannot store, in the query and the path, are replaced, never a 500.
    const odd = await fetch(cronUrl("odd%00job", "status=ok&environment=prod%00uction&release=%ED%A0%80v1"));
    expect(odd.status).toBe(202);
    expect(await monitorOf("odd-job", "prod\uFFFDuction")).toMatchObject({ status: "ok" });
  });
});

describe("monitor limits", () => {
  it("refuses a new monitor past 1,000 per project (400 naming monitor_slug), while existing ones keep checking in", async () => {
    const other = await createTenant("crons-cap");
    await query(
      `INSERT INTO "CronMonitor" (id, "workspaceId", "projectId", slug, environment)
       SELECT gen_random_uuid(), $1, $2, 'bulk-' || i, 'production' FROM generate_series(1, 999) AS i`,
      [other.workspaceId, other.projectId],
    );
    const url = (slug: string) => `${BASE_URL}/api/${other.projectPublicId}/cron/${slug}/${other.key}/?status=ok`;
    expect((await fetch(url("the-thousandth"))).status).toBe(202);
    const refused = await fetch(url("one-too-many"));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("monitor_slug");
    expect(await query(`SELECT 1 FROM "CronMonitor" WHERE "projectId" = $1 AND slug = 'one-too-many'`, [other.projectId])).toHaveLength(0);
    expect((await fetch(url("bulk-7"))).status).toBe(202);
  });
});

describe("monitor administration", () => {
  let member: string;
  beforeAll(async () => {
    member = await login(t.member);
  });
  const patch = (id: string, body: unknown, cookie = member) =>
    fetch(`${BASE_URL}/api/v1/monitors/${id}`, { method: "PATCH", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });

  it("lets members give a curl-made monitor its schedule (due from now, audited), refusing bad settings with 422 naming the field", async () => {
    expect((await fetch(cronUrl("report-mailer", "status=ok"))).status).toBe(202);
    const monitor = (await monitorOf("report-mailer"))!;
    expect(monitor).toMatchObject({ schedule: null, nextExpectedAt: null, muted: false });
    const res = await patch(monitor.id, { schedule: { type: "crontab", value: "*/15 * * * *" }, timezone: "Asia/Kolkata", checkinMargin: 3 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ schedule: "*/15 * * * * (Asia/Kolkata)", checkinMargin: 3, scheduleConfig: { type: "crontab", value: "*/15 * * * *" } });
    const due = new Date((await monitorOf("report-mailer"))!.nextExpectedAt!);
    expect(due.getTime()).toBeGreaterThan(Date.now() - 1000);
    expect(due.getUTCMinutes() % 15).toBe(0);
    const [audit] = await query<{ after: Record<string, unknown> }>(`SELECT after FROM "AuditLog" WHERE action = 'monitor.updated' AND "targetId" = $1`, [monitor.id]);
    expect(audit.after).toMatchObject({ schedule: { type: "crontab", value: "*/15 * * * *" }, timezone: "Asia/Kolkata", checkinMargin: 3 });

    for (const [body, path] of [
      [{ schedule: { type: "crontab", value: "*/15 * * *" } }, "schedule.value"],
      [{ schedule: { type: "crontab", value: "0 0 30 2 *" } }, "never fires"],
      [{ timezone: "Nowhere/Special" }, "timezone"],
      [{ maxRuntime: 0 }, "maxRuntime"],
      [{ surprise: true }, ""],
    ] as const) {
      const refused = await patch(monitor.id, body);
      expect(refused.status).toBe(422);
      expect(JSON.stringify(await refused.json())).toContain(path);
    }
  });

  it("records a muted monitor's failures without raising issues", async () => {
    await fetch(cronUrl("noisy-import", "status=ok"));
    const monitor = (await monitorOf("noisy-import"))!;
    expect((await patch(monitor.id, { muted: true })).status).toBe(200);
    expect((await fetch(cronUrl("noisy-import", "status=error"))).status).toBe(202);
    expect(await monitorOf("noisy-import")).toMatchObject({ muted: true, status: "failing", issueId: null, lastCheckInStatus: "error" });
  });

  it("lets admins delete a monitor with its runs (audited), not viewers", async () => {
    await fetch(cronUrl("short-lived", "status=ok"));
    const monitor = (await monitorOf("short-lived"))!;
    expect((await fetch(`${BASE_URL}/api/v1/monitors/${monitor.id}`, { method: "DELETE", headers: { cookie: viewer } })).status).toBe(403);
    expect((await fetch(`${BASE_URL}/api/v1/monitors/${monitor.id}`, { method: "DELETE", headers: { cookie: admin } })).status).toBe(204);
    expect(await monitorOf("short-lived")).toBeUndefined();
    expect(await query(`SELECT 1 FROM "CronCheckIn" WHERE "monitorId" = $1`, [monitor.id])).toHaveLength(0);
    expect(await query(`SELECT 1 FROM "AuditLog" WHERE action = 'monitor.deleted' AND "targetId" = $1`, [monitor.id])).toHaveLength(1);
  });
});
