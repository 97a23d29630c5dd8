import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { alertsOf, api } from "@/e2e/support/alertHelpers";
import { BASE_URL, createTenant, login, type Tenant } from "@/e2e/support/tenant";
import { storeUserFeedback } from "@/lib/feedback/storeUserFeedback";
import { waitFor } from "@/e2e/support/waitFor";

let t: Tenant;
let cookie: string;
const url = () => sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}`);

interface FeedbackList {
  errorId: string;
  total: number;
  items: { eventId: string; eventStored: boolean; name: string | null; email: string | null; comments: string; url: string | null; source: string }[];
}

const send = (header: Record<string, unknown>, items: { type: string; payload: string }[]) => postRaw(url(), new Uint8Array(envelope(header, items)));
const sendError = (eventId: string, type = "TypeError") =>
  send({ event_id: eventId }, [{ type: "event", payload: errorEvent(eventId, { exception: { values: [{ type, value: "boom", stacktrace: { frames: [{ filename: `app:///${type}.js`, function: "run", lineno: 1, in_app: true }] } }] } }) }]);
const userReport = (eventId: string, comments: string, name = "Ada") => ({ type: "user_report", payload: JSON.stringify({ event_id: eventId, name, email: "ada@example.com", comments }) });

async function issueOf(eventId: string): Promise<string> {
  const [row] = await query<{ groupId: string }>(`SELECT "groupId" FROM "ErrorEventId" WHERE "projectId" = $1 AND "eventId" = $2`, [t.projectId, eventId]);
  return row.groupId;
}

async function feedbackOf(errorId: string): Promise<FeedbackList> {
  const res = await fetch(`${BASE_URL}/api/v1/errors/${errorId}/feedback`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as FeedbackList;
}

beforeAll(async () => {
  t = await createTenant("feedback");
  cookie = await login(t.viewer);
});

describe("Sentry user feedback", () => {
  it("keeps a user_report on its event's issue; a second report on the event replaces the first", async () => {
    const eventId = newEventId();
    expect((await sendError(eventId)).status).toBe(200);
    const res = await send({ event_id: eventId }, [userReport(eventId, "It crashed when I clicked Pay")]);
    expect(res.status).toBe(200);
    const errorId = await issueOf(eventId);
    expect(await feedbackOf(errorId)).toMatchObject({
      errorId,
      total: 1,
      items: [{ eventId, eventStored: true, name: "Ada", email: "ada@example.com", comments: "It crashed when I clicked Pay", source: "user_report" }],
    });
    // The SDK retrying, then the person correcting themselves: still one report, the latest words.
    expect((await send({ event_id: eventId }, [userReport(eventId, "It crashed when I clicked Pay")])).status).toBe(200);
    expect((await send({ event_id: eventId }, [userReport(eventId, "Actually it was the Checkout button")])).status).toBe(200);
    const after = await feedbackOf(errorId);
    expect(after.total).toBe(1);
    expect(after.items[0].comments).toBe("Actually it was the Checkout button");
    // The issue's details count it (the issue page's tab shows the number).
    const details = (await (await fetch(`${BASE_URL}/api/v1/errors/${errorId}`, { headers: { cookie } })).json()) as { feedback: number };
    expect(details.feedback).toBe(1);
  });

  it("keeps feedback sent before its event, and shows it once the event is stored", async () => {
    const eventId = newEventId();
    expect((await send({ event_id: eventId }, [userReport(eventId, "Blank page after login", "Grace")])).status).toBe(200);
    expect((await sendError(eventId, "RangeError")).status).toBe(200);
    const list = await feedbackOf(await issueOf(eventId));
    expect(list.items.map((i) => i.comments)).toEqual(["Blank page after login"]);
  });

  it("reads feedback items of the current SDKs (contexts.feedback), scrubbing secrets; unlinked feedback stays off issues", async () => {
    const eventId = newEventId();
    expect((await sendError(eventId, "SyntaxError")).status).toBe(200);
    const feedbackId = newEventId();
    const feedback = {
      event_id: feedbackId,
      timestamp: Date.now() / 1000,
      platform: "javascript",
      user: { email: "lin@example.com", name: "Lin" },
      contexts: { feedback: { message: "Broken again, my password=hunter2 did not help", associated_event_id: eventId, url: "https://shop.example/cart", source: "widget" } },
    };
    const res = await send({ event_id: feedbackId }, [{ type: "feedback", payload: JSON.stringify(feedback) }]);
    expect(res.status).toBe(200);
    const [item] = (await feedbackOf(await issueOf(eventId))).items;
    expect(item).toMatchObject({ name: "Lin", email: "lin@example.com", url: "https://shop.example/cart", source: "feedback", eventId });
    expect(item.comments).not.toContain("hunter2");
    expect(item.comments).toContain("Broken again");

    const general = newEventId();
    const noEvent = { event_id: general, contexts: { feedback: { message: "Love the new dashboard", contact_email: "kim@example.com" } } };
    expect((await send({ event_id: general }, [{ type: "feedback", payload: JSON.stringify(noEvent) }])).status).toBe(200);
    const [row] = await query<{ eventId: string | null; email: string; comments: string }>(`SELECT "eventId", email, comments FROM "UserFeedback" WHERE "projectId" = $1 AND key = $2`, [t.projectId, general]);
    expect(row).toEqual({ eventId: null, email: "kim@example.com", comments: "Love the new dashboard" });
  });

  it("refuses feedback without its event id or words with 400 naming the field, storing nothing", async () => {
    // This file's project only: other test files ingest in parallel.
    const projectRows = () =>
      query<{ feedback: number; events: number; occurrences: number }>(
        `SELECT (SELECT count(*)::int FROM "UserFeedback" WHERE "projectId" = $1) AS feedback,
                (SELECT count(*)::int FROM "ErrorEventId" WHERE "projectId" = $1) AS events,
                (SELECT count(*)::int FROM "ErrorOccurrence" WHERE "projectId" = $1) AS occurrences`,
        [t.projectId],
      );
    const before = await projectRows();
    const cases: [{ type: string; payload: string }, RegExp][] = [
      [{ type: "user_report", payload: JSON.stringify({ name: "x", comments: "no event" }) }, /user_report\.event_id/],
      [{ type: "user_report", payload: JSON.stringify({ event_id: newEventId(), comments: "   " }) }, /user_report\.comments/],
      [{ type: "feedback", payload: JSON.stringify({ event_id: newEventId(), contexts: { feedback: { message: "" } } }) }, /contexts\.feedback\.message/],
      [{ type: "feedback", payload: JSON.stringify({ event_id: newEventId() }) }, /contexts\.feedback/],
      [{ type: "user_report", payload: "not json" }, /envelope item 0/],
    ];
    for (const [item, field] of cases) {
      const res = await send({}, [item]);
      expect(res.status, item.payload).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(field);
    }
    expect(await projectRows()).toEqual(before);
  });

  it("lists the workspace's feedback newest first, with the issue of each (none for feedback about no error)", async () => {
    const eventId = newEventId();
    await sendError(eventId, "URIError");
    await send({ event_id: eventId }, [userReport(eventId, "Link to my invoice is broken", "Ida")]);
    const general = newEventId();
    await send({ event_id: general }, [{ type: "feedback", payload: JSON.stringify({ event_id: general, contexts: { feedback: { message: "Dark mode please" } } }) }]);
    const res = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/feedback?pageSize=2`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { total: number; pageSize: number; items: { comments: string; eventId: string | null; projectId: string; issue: { id: string; type: string } | null }[] };
    expect(page.pageSize).toBe(2);
    expect(page.total).toBeGreaterThanOrEqual(5);
    expect(page.items.map((i) => i.comments)).toEqual(["Dark mode please", "Link to my invoice is broken"]);
    expect(page.items[0]).toMatchObject({ eventId: null, issue: null, projectId: t.projectId });
    expect(page.items[1].issue).toEqual({ id: await issueOf(eventId), type: "URIError", message: "boom" });
    const other = await createTenant("feedback-list-other");
    expect((await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/feedback`, { headers: { cookie: await login(other.admin) } })).status).toBe(404);
    const empty = await fetch(`${BASE_URL}/api/v1/workspaces/${other.workspaceId}/feedback`, { headers: { cookie: await login(other.admin) } });
    expect(await empty.json()).toMatchObject({ total: 0, items: [] });
  });

  it("is read by signed-in members of the workspace only", async () => {
    const eventId = newEventId();
    await sendError(eventId, "EvalError");
    const errorId = await issueOf(eventId);
    expect((await fetch(`${BASE_URL}/api/v1/errors/${errorId}/feedback`)).status).toBe(401);
    expect((await fetch(`${BASE_URL}/api/v1/errors/${errorId}/feedback`, { headers: { "x-faultline-key": t.key } })).status).toBe(401);
    const outsider = await createTenant("feedback-other");
    expect((await fetch(`${BASE_URL}/api/v1/errors/${errorId}/feedback`, { headers: { cookie: await login(outsider.admin) } })).status).toBe(404);
  });
  it("alerts on new feedback through a user_feedback rule: one alert per issue that more feedback adds to, a retry adds nothing", async () => {
    const admin = await login(t.admin);
    const rule = await api("POST", `/api/v1/workspaces/${t.workspaceId}/alert-rules`, admin, { name: "Customer feedback", kind: "user_feedback", threshold: 1, alertSeverity: "medium" });
    expect(rule.status).toBe(201);
    const feedbackAlerts = async () => (await alertsOf(t.workspaceId)).filter((a) => a.ruleKind === "user_feedback");

    const eventId = newEventId();
    expect((await sendError(eventId, "RangeError")).status).toBe(200);
    expect((await send({ event_id: eventId }, [userReport(eventId, "The totals are negative")])).status).toBe(200);
    const [first] = await waitFor(async () => {
      const alerts = await feedbackAlerts();
      return alerts.length === 1 ? alerts : undefined;
    });
    expect(first).toMatchObject({ errorGroupId: await issueOf(eventId), severity: "medium", count: 1, status: "active" });
    const listed = await api("GET", `/api/v1/workspaces/${t.workspaceId}/alerts`, admin);
    expect(JSON.stringify(listed.body)).toContain("User feedback: “The totals are negative” on RangeError: boom");

    // Another person's feedback on the same issue adds to the alert; the SDK retrying a report does not.
    const again = newEventId();
    expect((await sendError(again, "RangeError")).status).toBe(200);
    expect((await send({ event_id: again }, [userReport(again, "Same here", "Bo")])).status).toBe(200);
    expect((await send({ event_id: again }, [userReport(again, "Same here", "Bo")])).status).toBe(200);
    await waitFor(async () => ((await feedbackAlerts())[0]?.count === 2 ? true : undefined));
    // Feedback about no event is an alert of the project.
    const general = newEventId();
    const noEvent = { event_id: general, contexts: { feedback: { message: "Please add an export button", contact_email: "kim@example.com" } } };
    expect((await send({ event_id: general }, [{ type: "feedback", payload: JSON.stringify(noEvent) }])).status).toBe(200);
    const alerts = await waitFor(async () => {
      const all = await feedbackAlerts();
      return all.length === 2 ? all : undefined;
    });
    expect(alerts.map((a) => [a.errorGroupId, a.projectId, a.count])).toEqual([
      [first.errorGroupId, t.projectId, 2],
      [null, t.projectId, 1],
    ]);
    // Each alert's outbox row (written with its feedback) is gone once it was evaluated.
    await waitFor(async () => ((await query(`SELECT id FROM "AlertOutbox" WHERE "workspaceId" = $1`, [t.workspaceId])).length === 0 ? true : undefined));
  });

  it("still alerts when the instance dies right after committing the feedback: the alert-outbox job takes its row over", async () => {
    const d = await createTenant("feedback-crash");
    const rule = await api("POST", `/api/v1/workspaces/${d.workspaceId}/alert-rules`, await login(d.admin), { name: "Feedback", kind: "user_feedback", threshold: 1 });
    expect(rule.status).toBe(201);
    // Stored as an instance stores it, which then dies before evaluating: only the committed rows remain.
    const stored = await storeUserFeedback(
      { workspaceId: d.workspaceId, projectId: d.projectId },
      [{ key: "feedback:crash-1", eventId: null, name: "Kim", email: null, comments: "Checkout froze", url: null, source: "feedback" }],
      true,
    );
    expect(stored.added).toHaveLength(1);
    const outboxId = stored.alert!.outboxId;
    // The writer's lease (a minute) runs out, as it does when the writer is gone.
    await query(`UPDATE "AlertOutbox" SET "claimedUntil" = now() - interval '1 second' WHERE id = $1`, [outboxId]);
    const alerts = await waitFor(async () => {
      const all = (await alertsOf(d.workspaceId)).filter((a) => a.ruleKind === "user_feedback");
      return all.length > 0 ? all : undefined;
    });
    expect(alerts.map((a) => [a.errorGroupId, a.projectId, a.count])).toEqual([[null, d.projectId, 1]]);
    await waitFor(async () => ((await query(`SELECT id FROM "AlertOutbox" WHERE id = $1`, [outboxId])).length === 0 ? true : undefined));
  });
});
