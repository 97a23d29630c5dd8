import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";

/**
 * An event id counts once per project. Within one batch the FIRST copy of an id is the one stored,
 * every time; later copies are answered `duplicate: true` with the first copy's issue. An event that
 * was not stored creates, counts and announces no issue — also when it reuses an id stored before
 * under another type.
 */
let t: Tenant;
let cookie: string;
beforeAll(async () => {
  t = await createTenant("repeated-ids");
  cookie = await login(t.member);
});

type Accepted = { index: number; eventId: string; groupId: string; duplicate: boolean };
const accepted = async (res: Response): Promise<Accepted[]> => {
  expect(res.status).toBe(202);
  return ((await res.json()) as { accepted: Accepted[] }).accepted;
};
const groupsOf = (type: string) =>
  query<{ id: string; occurrenceCount: number }>(`SELECT id, "occurrenceCount" FROM "ErrorGroup" WHERE "projectId" = $1 AND type = $2`, [t.projectId, type]);
const emptyIssues = () => query<{ type: string }>(`SELECT type FROM "ErrorGroup" WHERE "projectId" = $1 AND "occurrenceCount" = 0`, [t.projectId]);

describe("an event id repeated within one native batch", () => {
  it("stores the first copy, every time, and answers later copies as its duplicates", async () => {
    for (let trial = 0; trial < 6; trial++) {
      const id = `dupx-${trial}`;
      const [first, second, third] = await accepted(
        await postEvents(t.key, [
          { eventId: id, type: `DupA${trial}`, message: "first" },
          { eventId: id, type: `DupB${trial}`, message: "second" },
          { eventId: id, type: `DupA${trial}`, message: "third" },
        ]),
      );
      expect(first).toMatchObject({ index: 0, eventId: id, duplicate: false });
      expect(second).toEqual({ index: 1, eventId: id, groupId: first.groupId, duplicate: true });
      expect(third).toEqual({ index: 2, eventId: id, groupId: first.groupId, duplicate: true });
      const event = await getJson(`/api/v1/errors/${first.groupId}/events/${id}`, { cookie });
      expect(event.status).toBe(200);
      expect(await event.json()).toMatchObject({ eventId: id, message: "first" });
      expect(await groupsOf(`DupA${trial}`)).toEqual([{ id: first.groupId, occurrenceCount: 1 }]);
      expect(await groupsOf(`DupB${trial}`)).toEqual([]);
    }
    expect(await emptyIssues()).toEqual([]);
  });

  it("a later event reusing a stored id under a new type is a duplicate of the stored one: no empty issue, no new-issue alert", async () => {
    const [stored] = await accepted(await postEvents(t.key, { eventId: "reused-1", type: "Original", message: "m" }));
    const [again] = await accepted(await postEvents(t.key, [{ eventId: "reused-1", type: "Impostor", message: "m" }, { eventId: "reused-2", type: "Fresh", message: "m" }]));
    expect(again).toEqual({ index: 0, eventId: "reused-1", groupId: stored.groupId, duplicate: true });
    expect(await groupsOf("Impostor")).toEqual([]);
    expect(await groupsOf("Original")).toEqual([{ id: stored.groupId, occurrenceCount: 1 }]);
    expect(await groupsOf("Fresh")).toMatchObject([{ occurrenceCount: 1 }]);
    // No issue was made for it, so none can be announced as new.
    expect(await emptyIssues()).toEqual([]);
  });
});

describe("the Sentry envelope door: two event items with one id", () => {
  it("stores the first item's event and counts it once", async () => {
    const id = newEventId();
    const items = ["EnvFirst", "EnvSecond"].map((type) => ({
      type: "event",
      payload: errorEvent(id, { exception: { values: [{ type, value: "boom", stacktrace: { frames: [{ filename: "app:///main.js", function: type, lineno: 1, in_app: true }] } }] } }),
    }));
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${t.key}&sentry_version=7`), new Uint8Array(envelope({ event_id: id }, items)));
    expect(res.status, await res.clone().text()).toBe(200);
    const [first] = await groupsOf("EnvFirst");
    expect(first).toMatchObject({ occurrenceCount: 1 });
    expect(await groupsOf("EnvSecond")).toEqual([]);
    expect((await getJson(`/api/v1/errors/${first.id}/events/${id}`, { cookie })).status).toBe(200);
    expect(await emptyIssues()).toEqual([]);
  });
});
