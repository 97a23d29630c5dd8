import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { envelope, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { BASE_URL, createTenant, getJson, login, type Tenant } from "@/e2e/support/tenant";

/**
 * The project's ingest key is the DSN's public key: anyone who opens the customer's site holds it. It
 * reads the project's errors (scripts checking that one arrived), never the end users they happened
 * to: no user, request, breadcrumbs, extra data, variables or attachments, and no way to ask about a user.
 */
let t: Tenant;
let cookie: string;
let issueId: string;
let eventId: string;
let attachmentId: string;

const VICTIM = "victim@shop-customer.test";
const IP = "10.1.2.3";

beforeAll(async () => {
  t = await createTenant("key-reads");
  cookie = await login(t.viewer);
  eventId = newEventId();
  const event = {
    event_id: eventId,
    timestamp: Date.now() / 1000,
    platform: "javascript",
    level: "error",
    release: "shop@2.0.0",
    environment: "production",
    user: { id: VICTIM, email: VICTIM, ip_address: IP },
    request: { method: "POST", url: "https://shop.test/checkout/victim-order-77", headers: { "X-Customer": "victim-header" }, data: { address: "1 Victim Street" } },
    breadcrumbs: { values: [{ timestamp: Date.now() / 1000, category: "ui.input", message: "typed victim-breadcrumb" }] },
    extra: { basket: "victim-extra" },
    contexts: { os: { name: "Linux" }, device: { name: "Victim's phone", model: "Pixel 8" }, geo: { city: "victim-city" } },
    tags: { step: "checkout" },
    exception: {
      values: [{ type: "CheckoutError", value: "card declined", stacktrace: { frames: [{ filename: "app:///checkout.js", function: "pay", lineno: 4, in_app: true, vars: { holder: "victim-var" } }] } }],
    },
  };
  const sent = await postRaw(
    sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}`),
    new Uint8Array(envelope({ event_id: eventId }, [{ type: "event", payload: JSON.stringify(event) }, { type: "attachment", payload: "victim's log\n", headers: { filename: "app.log", content_type: "text/plain" } }])),
  );
  expect(sent.status).toBe(200);
  const [row] = await query<{ groupId: string }>(`SELECT "groupId" FROM "ErrorEventId" WHERE "projectId" = $1 AND "eventId" = $2`, [t.projectId, eventId]);
  issueId = row.groupId;
  const [file] = await query<{ id: string }>(`SELECT id FROM "EventAttachment" WHERE "projectId" = $1 AND "eventId" = $2`, [t.projectId, eventId]);
  attachmentId = file.id;
});

/** Everything of the end user's that the event carried, as it would show in an answer. */
const PERSONAL = /victim|10\.1\.2\.3/i;

describe("the project's ingest key reads errors without their end users", () => {
  it("an event: the error, its frames, release and technical contexts; no user, request, breadcrumbs, extra, variables or attachments", async () => {
    const asMember = await (await getJson(`/api/v1/errors/${issueId}/events/latest`, { cookie })).json();
    // A member sees all of it (what the key must not).
    expect(asMember).toMatchObject({ userId: VICTIM, user: expect.objectContaining({ email: VICTIM, ip_address: IP }), request: expect.objectContaining({ method: "POST" }), attachments: [expect.objectContaining({ filename: "app.log" })] });
    expect(asMember.breadcrumbs).toHaveLength(1);
    expect(asMember.exceptions[0].frames[0].vars).toEqual({ holder: "victim-var" });

    for (const path of [`/api/v1/errors/${issueId}/events/latest`, `/api/v1/errors/${issueId}/events/oldest`, `/api/v1/errors/${issueId}/events/${eventId}`]) {
      const res = await getJson(path, { key: t.key });
      expect(res.status, path).toBe(200);
      const asKey = await res.json();
      expect(asKey, path).toMatchObject({ eventId, type: "CheckoutError", message: "card declined", release: "shop@2.0.0", userId: null, user: null, request: null, breadcrumbs: [], extra: null, attachments: [] });
      expect(asKey.exceptions[0].frames[0]).toMatchObject({ function: "pay", lineno: 4 });
      expect(asKey.exceptions[0].frames[0].vars, path).toBeUndefined();
      expect(asKey.contexts, path).toMatchObject({ os: { name: "Linux" }, device: { model: "Pixel 8" } });
      expect(asKey.tags, path).toEqual(expect.arrayContaining([["environment", "production"], ["step", "checkout"]]));
      expect(JSON.stringify(asKey), path).not.toMatch(PERSONAL);
    }
  });

  it("the issue, its event list and its tags: no user ids, occurrences' metadata or user tags", async () => {
    const issue = await (await getJson(`/api/v1/errors/${issueId}`, { key: t.key })).json();
    expect(issue.errorId).toBe(issueId);
    expect(issue.recentOccurrences).toEqual([expect.objectContaining({ eventId, userId: null, metadata: null })]);
    expect(issue.context).toBeNull();
    expect(JSON.stringify(issue)).not.toMatch(PERSONAL);
    // A member still sees them.
    expect((await (await getJson(`/api/v1/errors/${issueId}`, { cookie })).json()).recentOccurrences[0]).toMatchObject({ userId: VICTIM, metadata: expect.objectContaining({ sentry: expect.anything() }) });

    const events = await (await getJson(`/api/v1/errors/${issueId}/events`, { key: t.key })).json();
    expect(events.items).toEqual([expect.objectContaining({ eventId, userId: null })]);

    const tags = await (await getJson(`/api/v1/errors/${issueId}/tags`, { key: t.key })).json();
    expect(tags.tags.map((tag: { key: string }) => tag.key)).toEqual(expect.arrayContaining(["release", "environment", "step"]));
    expect(tags.tags.map((tag: { key: string }) => tag.key)).not.toContain("user");
    expect(JSON.stringify(tags)).not.toMatch(PERSONAL);
    expect((await (await getJson(`/api/v1/errors/${issueId}/tags`, { cookie })).json()).tags.map((tag: { key: string }) => tag.key)).toContain("user");
    expect(JSON.stringify(await (await getJson(`/api/v1/errors/${issueId}/tags?key=user`, { key: t.key })).json())).not.toMatch(PERSONAL);
  });

  it("cannot ask which issues or events a user had (422 naming the parameter), while a member can", async () => {
    const byUser = await getJson(`/api/v1/errors/${issueId}/events?user=${encodeURIComponent(VICTIM)}`, { key: t.key });
    expect(byUser.status).toBe(422);
    expect((await byUser.json()).error.issues[0].path).toBe("user");
    expect((await getJson(`/api/v1/errors/${issueId}/events/latest?user=${encodeURIComponent(VICTIM)}`, { key: t.key })).status).toBe(422);
    expect((await (await getJson(`/api/v1/errors/${issueId}/events?user=${encodeURIComponent(VICTIM)}`, { cookie })).json()).items).toHaveLength(1);

    for (const search of [`user:"${VICTIM}"`, `user.id:"${VICTIM}"`, `url:"https://shop.test/checkout/victim-order-77"`]) {
      const res = await getJson(`/api/v1/errors?query=${encodeURIComponent(search)}`, { key: t.key });
      expect(res.status, search).toBe(422);
      expect((await res.json()).error.issues[0].path, search).toBe("query");
    }
    expect((await (await getJson(`/api/v1/errors?query=${encodeURIComponent(`user:"${VICTIM}"`)}`, { cookie })).json()).items).toEqual([expect.objectContaining({ errorId: issueId })]);
    // Whether issues had a user at all tells of no one.
    expect((await getJson(`/api/v1/errors?query=has:user`, { key: t.key })).status).toBe(200);
  });

  it("cannot download an attachment (401, JSON); a member can", async () => {
    const res = await fetch(`${BASE_URL}/api/v1/attachments/${attachmentId}`, { headers: { "x-faultline-key": t.key } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.text();
    expect(body).not.toContain("victim's log");
    expect(JSON.parse(body).error.message).toMatch(/ingest key/);
    expect(await (await fetch(`${BASE_URL}/api/v1/attachments/${attachmentId}`, { headers: { cookie } })).text()).toBe("victim's log\n");
  });
});
