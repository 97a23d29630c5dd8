import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { eventLeftovers, expectViewMatchesOccurrences, issueLeftovers, MORE_ROLLUP_CHECKS, reportAndListTotals } from "@/e2e/support/deletionChecks";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { expectRollupsMatchOccurrences } from "@/e2e/support/rollupChecks";
import { createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { advisoryLockKey, withAdvisoryLock } from "@/lib/db/advisoryLock";
import { resumeIssueDeletions } from "@/lib/errors/deletion/resumeIssueDeletions";
import { uuidv7 } from "@/lib/ids/uuidv7";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * DELETE /api/v1/errors/:id: an issue with events over ten days (users, agents, environments,
 * releases, recovery outcomes, tags), a Sentry event merged into it with an attachment and user
 * feedback, events of a merged fingerprint, cascades both ways, a comment, a link, forwarded copies.
 * Its deletion must take it out of every count at once, leave no row of it anywhere once the job has
 * run, and leave every rollup equal to what the remaining events say.
 */
describe("deleting an issue", { timeout: 120_000 }, () => {
  let t: Tenant;
  let admin: string;
  let member: string;
  let doomed: string;
  let kept: string[];
  const doomedEventIds: string[] = [];

  const ingest = async (events: unknown[]) => {
    const res = await postEvents(t.key, events);
    expect(res.status).toBe(202);
    return (await res.json()).accepted as { eventId: string; groupId: string; duplicate: boolean }[];
  };
  const groupOf = async (type: string) => (await query<{ id: string }>(`SELECT id FROM "ErrorGroup" WHERE "projectId" = $1 AND type = $2`, [t.projectId, type]))[0].id;

  beforeAll(async () => {
    t = await createTenant("issue-del");
    [admin, member] = await Promise.all([login(t.admin), login(t.member)]);
    const now = Date.now();
    const spread = (i: number) => new Date(now - (i % 7 === 0 ? (i % 50) * 60_000 : (i % 10) * DAY + (i % 24) * HOUR)).toISOString();
    const event = (type: string, severity: string, i: number, extra: Record<string, unknown> = {}) => ({
      type,
      message: `${type} ${i}`,
      severity,
      fingerprint: [type],
      occurredAt: spread(i),
      userId: i % 5 === 4 ? undefined : `user-${i % 9}`,
      agentId: i % 3 === 0 ? `agent-${i % 4}` : undefined,
      environment: ["production", "staging", undefined][i % 3],
      release: i % 4 === 0 ? undefined : `shop@1.${i % 3}`,
      tags: { region: `r${i % 2}` },
      recovery: i % 4 === 1 ? { recovered: i % 8 === 1, method: "retry", durationMs: 100 + i, automatic: true } : undefined,
      impact: { creditsLost: i % 3 },
      ...extra,
    });
    const doomedEvents = Array.from({ length: 60 }, (_, i) => event("DoomedError", "critical", i, { eventId: `doomed-${i}` }));
    await ingest(doomedEvents);
    await ingest(Array.from({ length: 80 }, (_, i) => event(i % 2 ? "KeptError" : "OtherKeptError", i % 2 ? "high" : "medium", i + 3)));
    doomed = await groupOf("DoomedError");
    kept = [await groupOf("KeptError"), await groupOf("OtherKeptError")];

    // Cascades both ways: a kept issue's event caused by a doomed one, a doomed one caused by a kept one.
    const [keptParent] = await ingest([event("KeptError", "high", 201, { eventId: "kept-parent" })]);
    await ingest([event("OtherKeptError", "medium", 202, { parentEventId: "doomed-3" }), event("DoomedError", "critical", 203, { eventId: "doomed-child", parentEventId: "kept-parent" })]);
    expect(keptParent.duplicate).toBe(false);

    // A Sentry event with a file and a user's report, merged into the doomed issue; then another fingerprint merged, and an event of it after.
    const sentryEventId = newEventId();
    const sent = await postRaw(
      sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`),
      new Uint8Array(
        envelope({ event_id: sentryEventId }, [
          { type: "event", payload: errorEvent(sentryEventId, { user: { id: "user-1", email: "one@example.com" }, release: "shop@1.1", environment: "production" }) },
          { type: "attachment", payload: "log line for the doomed issue\n", headers: { filename: "app.log", content_type: "text/plain" } },
          { type: "user_report", payload: JSON.stringify({ event_id: sentryEventId, name: "One", email: "one@example.com", comments: "it broke" }) },
        ]),
      ),
    );
    expect(sent.status).toBe(200);
    const sentryIssue = (await query<{ groupId: string }>(`SELECT "groupId" FROM "ErrorEventId" WHERE "projectId" = $1 AND "eventId" = $2`, [t.projectId, sentryEventId]))[0].groupId;
    await ingest([event("SiblingError", "low", 300, { eventId: "sibling-0" })]);
    const sibling = await groupOf("SiblingError");
    for (const source of [sentryIssue, sibling]) expect((await api("POST", "/api/v1/errors/merge", member, { targetId: doomed, sourceIds: [source] })).status).toBe(200);
    await ingest([event("SiblingError", "low", 301, { eventId: "sibling-1" }), event("SiblingError", "low", 302, { eventId: "sibling-2", userId: "user-sibling" })]);

    expect((await api("POST", `/api/v1/errors/${doomed}/comments`, member, { body: "looking into it" })).status).toBe(201);
    expect((await api("POST", `/api/v1/errors/${doomed}/links`, member, { url: "https://github.com/acme/shop/issues/7" })).status).toBe(201);
    // Forwarded copies of a doomed event and of a kept one (the rule is off: nothing is sent).
    const ruleId = uuidv7();
    await query(`INSERT INTO "ForwardingRule" (id, "workspaceId", "projectId", name, kind, enabled) VALUES ($1, $2, $3, 'copy', 'webhook', false)`, [ruleId, t.workspaceId, t.projectId]);
    for (const [eventId, groupId] of [["doomed-5", doomed], ["kept-parent", kept[0]]]) {
      await query(
        `INSERT INTO "ForwardingDelivery" (id, "workspaceId", "projectId", "ruleId", "eventId", "groupId", payload, status, "nextAttemptAt") VALUES ($1, $2, $3, $4, $5, $6, '{}', 'delivered', now())`,
        [uuidv7(), t.workspaceId, t.projectId, ruleId, eventId, groupId],
      );
    }
    doomedEventIds.push(...(await query<{ eventId: string }>(`SELECT "eventId" FROM "ErrorEventId" WHERE "projectId" = $1 AND "groupId" = $2`, [t.projectId, doomed])).map((r) => r.eventId));
  });

  it("is refused to members and viewers, and to an ingest key", async () => {
    expect((await api("DELETE", `/api/v1/errors/${doomed}`, member)).status).toBe(403);
    expect((await api("DELETE", `/api/v1/errors/${doomed}`, await login(t.viewer))).status).toBe(403);
    expect((await fetch(`${process.env.APP_URL ?? "http://127.0.0.1:3100"}/api/v1/errors/${doomed}`, { method: "DELETE", headers: { "x-faultline-key": t.key } })).status).toBe(401);
    expect((await api("GET", `/api/v1/errors/${doomed}`, member)).status).toBe(200);
  });

  it("takes the issue out of every list and count at once, drops its new events, then deletes every row of it in the background", async () => {
    // Something of the issue in every kind of table first, or the emptiness below would prove nothing.
    const before = await issueLeftovers([doomed]);
    for (const table of ["ErrorOccurrence.groupId", "ErrorEventId.groupId", "ErrorGroupUser.groupId", "ErrorGroupTag.groupId", "ErrorHourly.groupId", "GroupFingerprint.groupId", "GroupFingerprintCount.groupId", "GroupFingerprintActor.groupId", "ErrorComment.groupId", "IssueLink.groupId", "CascadeDaily.parentGroupId", "CascadeDaily.childGroupId", "ForwardingDelivery.groupId"]) {
      expect(before[table], table).toBeGreaterThan(0);
    }
    expect(Object.keys(await eventLeftovers(t.projectId, doomedEventIds)).sort()).toEqual(["ErrorEventId", "ErrorOccurrence", "EventAttachment", "ForwardingDelivery", "UserFeedback"]);
    const [parentBefore] = await query<{ n: number }>(`SELECT "cascadingFailures" AS n FROM "ErrorGroup" WHERE id = $1`, [kept[0]]);
    const totalsBefore = await reportAndListTotals(t.workspaceId, admin);
    expect(totalsBefore.ids).toContain(doomed);

    // The purge's lease held here: the app's job finds the issue marked but cannot purge it yet.
    await withAdvisoryLock(
      advisoryLockKey(`issue-purge:${doomed}`),
      async () => {
        const res = await api("DELETE", `/api/v1/errors/${doomed}`, admin);
        expect(res.status).toBe(202);
        expect(res.body).toMatchObject({ id: doomed, status: "deleting", events: 65 });
        // Gone from everywhere while its events are still stored.
        expect((await api("GET", `/api/v1/errors/${doomed}`, admin)).status).toBe(404);
        expect((await api("GET", `/api/v1/errors/${doomed}/events/latest`, admin)).status).toBe(404);
        expect((await api("DELETE", `/api/v1/errors/${doomed}`, admin)).status).toBe(404);
        expect((await api("POST", "/api/v1/errors/merge", member, { targetId: kept[0], sourceIds: [doomed] })).status).toBe(404);
        const during = await reportAndListTotals(t.workspaceId, admin);
        expect(during.ids).not.toContain(doomed);
        expect(during.issues).toBe(totalsBefore.issues - 1);
        const [{ n: stillStored }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorOccurrence" WHERE "groupId" = $1`, [doomed]);
        expect(stillStored).toBe(65);
        // The dashboard's counts and timeline already leave it out (its per-issue rollups gone, its share of the per-project ones taken out).
        for (const timeframe of ["1h", "24h", "7d", "30d"]) await expectViewMatchesOccurrences(t.workspaceId, admin, timeframe, { except: [doomed] });
        expect(during.reportEvents).toBe(totalsBefore.reportEvents - 65);
        // Events of its fingerprint (its own, a merged one's) are dropped meanwhile: answered, never stored.
        const late = await ingest([
          { eventId: "late-doomed", type: "DoomedError", message: "late", severity: "critical", fingerprint: ["DoomedError"], userId: "user-late" },
          { eventId: "late-sibling", type: "SiblingError", message: "late", severity: "low", fingerprint: ["SiblingError"] },
          { eventId: "late-kept", type: "KeptError", message: "late", severity: "high", fingerprint: ["KeptError"], userId: "user-late" },
        ]);
        expect(late.map((a) => [a.groupId, a.duplicate])).toEqual([[doomed, true], [doomed, true], [kept[0], false]]);
        const [{ n: lateStored }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1 AND "eventId" IN ('late-doomed', 'late-sibling')`, [t.projectId]);
        expect(lateStored).toBe(0);
      },
      { wait: true },
    );

    // This call or the app's job, whichever gets the lease, deletes the rest.
    await resumeIssueDeletions();
    await waitFor(async () => (Object.keys(await issueLeftovers([doomed])).length === 0 ? true : undefined), 30_000, 200);
    expect(await eventLeftovers(t.projectId, doomedEventIds)).toEqual({});
    // The kept issue that caused one of its events no longer counts that cascade.
    const [parentAfter] = await query<{ n: number }>(`SELECT "cascadingFailures" AS n FROM "ErrorGroup" WHERE id = $1`, [kept[0]]);
    expect(parentAfter.n).toBe(parentBefore.n - 1);
    // Every rollup equals what the remaining events say: per issue, per project, per user and agent, recovery, releases.
    await expectRollupsMatchOccurrences(t.projectId, MORE_ROLLUP_CHECKS);
    for (const timeframe of ["1h", "24h", "7d", "30d"]) await expectViewMatchesOccurrences(t.workspaceId, admin, timeframe, { actors: true });
    const after = await reportAndListTotals(t.workspaceId, admin);
    expect(after.reportEvents).toBe(totalsBefore.reportEvents - 65 + 1);
    expect(after.issues).toBe(totalsBefore.issues - 1);

    // Audited, without the issue's message.
    const audit = await query<{ actorId: string; before: Record<string, unknown> }>(`SELECT "actorId", before FROM "AuditLog" WHERE "workspaceId" = $1 AND action = 'error.deleted' AND "targetId" = $2`, [
      t.workspaceId,
      doomed,
    ]);
    expect(audit).toEqual([{ actorId: t.admin.id, before: { type: "DoomedError", projectId: t.projectId, occurrences: 65, users: expect.any(Number) } }]);
  });

  it("opens a new issue for a later event of the same fingerprint, without the old one's history", async () => {
    const [again] = await ingest([{ eventId: "doomed-again", type: "DoomedError", message: "again", severity: "critical", fingerprint: ["DoomedError"] }]);
    expect(again.duplicate).toBe(false);
    const issue = await api("GET", `/api/v1/errors/${again.groupId}`, admin);
    expect(issue.status).toBe(200);
    expect(issue.body).toMatchObject({ occurrences: 1, status: "new" });
    expect(issue.body.audit).toEqual([]);
    // The merged fingerprint no longer leads to it: its next event opens an issue of its own.
    const [sibling] = await ingest([{ eventId: "sibling-again", type: "SiblingError", message: "again", severity: "low", fingerprint: ["SiblingError"] }]);
    expect(sibling.groupId).not.toBe(again.groupId);
    await expectRollupsMatchOccurrences(t.projectId, MORE_ROLLUP_CHECKS);
  });
});
