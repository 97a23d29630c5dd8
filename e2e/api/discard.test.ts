import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { createTenant, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";

/**
 * "Discard new events" of an issue: it is ignored and its new events — by every fingerprint that
 * leads to it — are dropped at ingest until someone keeps them again or reopens it.
 */
describe("discarding an issue's new events", () => {
  let t: Tenant;
  let member: string;
  const send = async (type: string, message = "noisy") => (await (await postEvents(t.key, { type, message, stackTrace: `${type}: ${message}\n    at poll (/srv/app/poller.js:10:5)` })).json()) as {
    accepted: { groupId: string }[];
    filtered?: { reason: string }[];
  };
  const occurrences = async (id: string) => (await api("GET", `/api/v1/errors/${id}`, member)).body.occurrences as number;

  beforeAll(async () => {
    t = await createTenant("discard");
    member = await login(t.member);
  });

  it("drops the issue's new events, its merged issues' too, and keeps the others", async () => {
    const noisy = (await send("PollTimeout")).accepted[0].groupId;
    const sibling = (await send("PollTimeoutLegacy")).accepted[0].groupId;
    expect((await api("POST", "/api/v1/errors/merge", member, { targetId: noisy, sourceIds: [sibling] })).status).toBe(200);
    const other = (await send("OrderFailed")).accepted[0].groupId;

    expect((await api("POST", `/api/v1/errors/${noisy}/discard`, await login(t.viewer))).status).toBe(403);
    const discarded = await api("POST", `/api/v1/errors/${noisy}/discard`, member);
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ errorId: noisy, discarded: { since: expect.any(String), byId: t.member.id, events: 0, lastEventAt: null } });
    const issue = (await api("GET", `/api/v1/errors/${noisy}`, member)).body;
    expect(issue.status).toBe("ignored");
    expect(issue.discarded).toMatchObject({ by: { id: t.member.id } });
    const before = issue.occurrences;

    for (const type of ["PollTimeout", "PollTimeoutLegacy"]) {
      const answer = await send(type, "noisy again");
      expect(answer.accepted).toEqual([]);
      expect(answer.filtered).toEqual([expect.objectContaining({ reason: "discarded" })]);
    }
    expect(await occurrences(noisy)).toBe(before);
    // Counted per fingerprint, added every few seconds: both dropped events, on the issue.
    const counted = await waitFor(async () => {
      const d = (await api("GET", `/api/v1/errors/${noisy}`, member)).body.discarded;
      return d.events >= 2 ? d : undefined;
    });
    expect(counted).toMatchObject({ events: 2, lastEventAt: expect.any(String) });
    expect((await send("OrderFailed")).accepted[0].groupId).toBe(other);
    const audit = (await api("GET", `/api/v1/errors/${noisy}`, member)).body.audit as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["error.ignored", "error.discarded"]));
  });

  it("keeps them again on request, or when the issue is reopened", async () => {
    const noisy = (await send("CacheMiss")).accepted[0].groupId;
    await api("POST", `/api/v1/errors/${noisy}/discard`, member);
    expect((await send("CacheMiss")).filtered).toHaveLength(1);

    const kept = await api("DELETE", `/api/v1/errors/${noisy}/discard`, member);
    expect(kept.body).toEqual({ errorId: noisy, discarded: null });
    expect((await send("CacheMiss")).accepted[0].groupId).toBe(noisy);
    // Stopping twice is harmless.
    expect((await api("DELETE", `/api/v1/errors/${noisy}/discard`, member)).status).toBe(200);

    await api("POST", `/api/v1/errors/${noisy}/discard`, member);
    expect((await send("CacheMiss")).filtered).toHaveLength(1);
    expect((await api("PATCH", `/api/v1/errors/${noisy}`, member, { status: "new" })).status).toBe(200);
    expect((await api("GET", `/api/v1/errors/${noisy}`, member)).body.discarded).toBeNull();
    expect((await send("CacheMiss")).accepted[0].groupId).toBe(noisy);

    // The bulk reopen too.
    await api("POST", `/api/v1/errors/${noisy}/discard`, member);
    const bulk = await api("POST", "/api/v1/errors/bulk", member, { ids: [noisy], action: "reopen" });
    expect(bulk.body).toMatchObject({ action: "reopen", changed: 1 });
    expect((await api("GET", `/api/v1/errors/${noisy}`, member)).body.discarded).toBeNull();
  });

  it("keeps them again when the issue is resolved, or ignored only for a while", async () => {
    const noisy = (await send("QueuePoll")).accepted[0].groupId;
    await api("POST", `/api/v1/errors/${noisy}/discard`, member);
    expect((await send("QueuePoll")).filtered).toHaveLength(1);
    // Resolved: a recurrence must be able to regress it.
    expect((await api("PATCH", `/api/v1/errors/${noisy}`, member, { status: "resolved" })).status).toBe(200);
    expect((await api("GET", `/api/v1/errors/${noisy}`, member)).body.discarded).toBeNull();
    expect((await send("QueuePoll")).accepted[0].groupId).toBe(noisy);
    expect((await api("GET", `/api/v1/errors/${noisy}`, member)).body.status).toBe("new");

    // Discarded, then ignored for a while (the sweep that ends the while also keeps them, for issues left so before).
    await api("POST", `/api/v1/errors/${noisy}/discard`, member);
    expect((await api("PATCH", `/api/v1/errors/${noisy}`, member, { status: "ignored", statusDetails: { ignoreDurationMinutes: 5 } })).status).toBe(200);
    // An ignore it could never leave while its events were dropped: they are kept from now on.
    expect((await api("GET", `/api/v1/errors/${noisy}`, member)).body.discarded).toBeNull();
    expect((await send("QueuePoll")).accepted[0].groupId).toBe(noisy);
  });

  it("keeps them again when issues are resolved, or ignored with a condition, in bulk (as for one issue)", async () => {
    const resolved = (await send("BulkResolvePoll")).accepted[0].groupId;
    await api("POST", `/api/v1/errors/${resolved}/discard`, member);
    expect((await send("BulkResolvePoll")).filtered).toHaveLength(1);
    expect((await api("POST", "/api/v1/errors/bulk", member, { ids: [resolved], action: "resolve" })).body).toMatchObject({ changed: 1 });
    expect((await api("GET", `/api/v1/errors/${resolved}`, member)).body.discarded).toBeNull();
    // Its recurrence is stored, and regresses it.
    expect((await send("BulkResolvePoll")).accepted[0].groupId).toBe(resolved);
    expect((await api("GET", `/api/v1/errors/${resolved}`, member)).body.status).toBe("new");

    const counted = (await send("BulkIgnorePoll")).accepted[0].groupId;
    await api("POST", `/api/v1/errors/${counted}/discard`, member);
    expect((await send("BulkIgnorePoll")).filtered).toHaveLength(1);
    expect((await api("POST", "/api/v1/errors/bulk", member, { ids: [counted], action: "ignore", statusDetails: { ignoreCount: 1 } })).body).toMatchObject({ changed: 1 });
    expect((await api("GET", `/api/v1/errors/${counted}`, member)).body.discarded).toBeNull();
    expect((await send("BulkIgnorePoll")).accepted[0].groupId).toBe(counted);
    // The event it was ignored until reopens it.
    await waitFor(async () => ((await api("GET", `/api/v1/errors/${counted}`, member)).body.status === "new" ? true : undefined));

    // Ignored for good in bulk: still discarded.
    const forever = (await send("BulkForeverPoll")).accepted[0].groupId;
    await api("POST", `/api/v1/errors/${forever}/discard`, member);
    await api("POST", "/api/v1/errors/bulk", member, { ids: [forever], action: "ignore" });
    expect((await api("GET", `/api/v1/errors/${forever}`, member)).body.discarded).not.toBeNull();
    expect((await send("BulkForeverPoll")).filtered).toHaveLength(1);
  });
});
