import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, getJson, login, patchJson, postEvents, type Tenant } from "@/e2e/support/tenant";
import { loadCorpus } from "@/lib/grouping/corpus/loadCorpus";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { computeFingerprint } from "@/lib/ingest/fingerprint";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { groupIdFor } from "@/lib/ingest/storeEvents";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { elixirDefaultConfigReview } from "@/lib/sentry/__fixtures__/sdk-elixir";
import { unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";

function post(path: string, cookie: string, body: unknown) {
  return fetch(`${BASE_URL}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
}

/** All at one instant an hour ago: every rollup of these events falls in the same hour and day. */
const at = new Date(Date.now() - 3600_000).toISOString();

const trace = (fn: string, file: string) => `TypeError: x\n    at ${fn} (/srv/app/src/${file}.js:10:5)\n    at main (/srv/app/src/index.js:2:1)`;

async function ingest(t: Tenant, event: Record<string, unknown>): Promise<string> {
  const res = await postEvents(t.key, { occurredAt: at, platform: "node", ...event });
  expect(res.status).toBe(202);
  const body = await res.json();
  expect(body.rejected).toEqual([]);
  return body.accepted[0].groupId;
}

async function groupRow(id: string) {
  const [row] = await query<{ occurrenceCount: number; usersAffected: number; status: string }>(
    `SELECT "occurrenceCount", "usersAffected", status::text FROM "ErrorGroup" WHERE id = $1`,
    [id],
  );
  return row;
}

async function rollups(id: string) {
  const [h] = await query<{ n: number }>(`SELECT coalesce(sum(count), 0)::int AS n FROM "ErrorHourly" WHERE "groupId" = $1`, [id]);
  const [d] = await query<{ n: number }>(`SELECT coalesce(sum(count), 0)::int AS n FROM "ErrorDaily" WHERE "groupId" = $1`, [id]);
  const [w] = await query<{ n: number }>(`SELECT coalesce(sum(count), 0)::int AS n FROM "ErrorWeekly" WHERE "groupId" = $1`, [id]);
  return { hourly: h.n, daily: d.n, weekly: w.n };
}

async function projectDay(projectId: string) {
  const [row] = await query<{ events: number; errors: number }>(
    `SELECT coalesce(sum(count), 0)::int AS events, coalesce(sum(errors), 0)::int AS errors FROM "ProjectDaily" WHERE "projectId" = $1 AND day = ($2::timestamptz AT TIME ZONE 'UTC')::date`,
    [projectId, at],
  );
  return row;
}

describe("an exception chain is one event and one issue", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("chain1");
  });

  it("takes a native `exceptions` array (raised first) and stores the chain on the occurrence", async () => {
    const groupId = await ingest(t, {
      exceptions: [
        { type: "CheckoutError", message: "checkout 12 failed", stackTrace: trace("checkout", "checkout") },
        { type: "DbError", message: "connection refused", stackTrace: trace("query", "db") },
      ],
    });
    const groups = await query<{ id: string; type: string; message: string; occurrenceCount: number }>(
      `SELECT id, type, message, "occurrenceCount" FROM "ErrorGroup" WHERE "projectId" = $1`,
      [t.projectId],
    );
    expect(groups).toEqual([{ id: groupId, type: "CheckoutError", message: "checkout 12 failed", occurrenceCount: 1 }]);
    const [occ] = await query<{ exceptions: { type: string; relation: string; frames: { function?: string }[] }[] }>(
      `SELECT exceptions FROM "ErrorOccurrence" WHERE "groupId" = $1`,
      [groupId],
    );
    expect(occ.exceptions.map((e) => [e.type, e.relation])).toEqual([["CheckoutError", "raised"], ["DbError", "cause"]]);
    expect(occ.exceptions[1].frames.at(-1)?.function).toBe("query");

    const cookie = await login(t.viewer);
    const details = await (await getJson(`/api/v1/errors/${groupId}`, { cookie })).json();
    expect(details.recentOccurrences[0].exceptions.map((e: { type: string }) => e.type)).toEqual(["CheckoutError", "DbError"]);
  });

  it("splits a native trace's Caused by: sections; the same raise site with another cause is another issue", async () => {
    const java = (cause: string, site: string) => `com.acme.PaymentException: payment failed
	at com.acme.PaymentService.charge(PaymentService.java:42)
	at com.acme.Job.run(Job.java:10)
Caused by: ${cause}
	at com.acme.Gateway.${site}(Gateway.java:7)
	at com.acme.PaymentService.charge(PaymentService.java:40)
	... 1 more`;
    const timeoutA = await ingest(t, { type: "com.acme.PaymentException", message: "payment failed", platform: "java", stackTrace: java("java.net.SocketTimeoutException: Read timed out", "post") });
    const timeoutB = await ingest(t, { type: "com.acme.PaymentException", message: "payment failed", platform: "java", stackTrace: java("java.net.SocketTimeoutException: connect timed out", "post") });
    const declined = await ingest(t, { type: "com.acme.PaymentException", message: "payment failed", platform: "java", stackTrace: java("com.acme.CardDeclined: declined", "check") });
    expect(timeoutB).toBe(timeoutA);
    expect(declined).not.toBe(timeoutA);
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorGroup" WHERE "projectId" = $1 AND type LIKE '%Timeout%'`, [t.projectId]);
    expect(n).toBe(0); // no issue per link
  });

  it("names the field of a bad chain entry (422)", async () => {
    const res = await postEvents(t.key, { exceptions: [{ message: "no type" }] });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain("exceptions[0].type");
  });
});

describe("native traces of the newer runtimes", () => {
  let t: Tenant;
  const corpus = new Map(loadCorpus().map((e) => [e.id, e]));
  const send = (id: string) => {
    const e = corpus.get(id)!;
    return ingest(t, { type: e.type, message: e.message, stackTrace: e.body, platform: e.platform });
  };
  beforeAll(async () => {
    t = await createTenant("runtimes");
  });

  it("groups Rust, Elixir, Dart and native (gdb vs lldb) traces by their frames, end to end", async () => {
    for (const [a, b, other] of [
      ["rs-user-1", "rs-user-4", "rs-order-1"],
      ["ex-user-1", "ex-user-3", "ex-order-1"],
      ["dart-user-1", "dart-user-2", "dart-order-1"],
      ["nat-cfg-1", "nat-cfg-2", "nat-cfg-assert"],
    ]) {
      const [ga, gb, go] = [await send(a), await send(b), await send(other)];
      expect(gb, `${a} / ${b}`).toBe(ga);
      expect(go, `${a} / ${other}`).not.toBe(ga);
      const [row] = await query<{ n: number }>(`SELECT jsonb_array_length(frames)::int AS n FROM "ErrorGroup" WHERE id = $1`, [ga]);
      expect(row.n, a).toBeGreaterThan(2);
    }
  });
});

describe("merge and unmerge", () => {
  let t: Tenant;
  let cookie: string;
  let a: string;
  let b: string;
  const eventA = (user: string) => ({ type: "TypeError", message: "Cannot read properties of undefined (reading 'sku')", stackTrace: trace("priceLine", "orders"), userId: user });
  const eventB = (user: string) => ({ type: "TypeError", message: "Cannot read properties of undefined (reading 'sku')", stackTrace: trace("priceItem", "cart"), userId: user });

  beforeAll(async () => {
    t = await createTenant("merge");
    cookie = await login(t.member);
    a = await ingest(t, eventA("u1"));
    await ingest(t, eventA("u2"));
    b = await ingest(t, eventB("u2"));
    await ingest(t, eventB("u3"));
    await ingest(t, eventB("u3"));
    expect(a).not.toBe(b);
  });

  it("offers the look-alike issue as similar", async () => {
    const res = await getJson(`/api/v1/errors/${a}/similar`, { cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((i: { errorId: string }) => i.errorId)).toContain(b);
    expect(body.items[0]).toMatchObject({ sameType: true, messageSimilarity: 1 });
  });

  it("refuses viewers (403), unknown ids (404) and a target among the sources (422)", async () => {
    expect((await post("/api/v1/errors/merge", await login(t.viewer), { targetId: a, sourceIds: [b] })).status).toBe(403);
    expect((await post("/api/v1/errors/merge", cookie, { targetId: a, sourceIds: ["00000000-0000-4000-8000-000000000000"] })).status).toBe(404);
    const same = await post("/api/v1/errors/merge", cookie, { targetId: a, sourceIds: [a] });
    expect(same.status).toBe(422);
    expect(JSON.stringify(await same.json())).toContain("sourceIds");
  });

  it("merges exactly: events, users, rollups and daily distinct errors; future events join; audited", async () => {
    const before = await projectDay(t.projectId);
    expect(before).toEqual({ events: 5, errors: 2 });
    const res = await post("/api/v1/errors/merge", cookie, { targetId: a, sourceIds: [b] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ targetId: a, mergedIds: [b], occurrences: 3 });

    expect(await groupRow(a)).toMatchObject({ occurrenceCount: 5, usersAffected: 3 });
    expect(await groupRow(b)).toBeUndefined();
    expect(await rollups(a)).toEqual({ hourly: 5, daily: 5, weekly: 5 });
    expect(await rollups(b)).toEqual({ hourly: 0, daily: 0, weekly: 0 });
    expect(await projectDay(t.projectId)).toEqual({ events: 5, errors: 1 });

    expect(await ingest(t, eventB("u4"))).toBe(a);
    expect(await groupRow(a)).toMatchObject({ occurrenceCount: 6, usersAffected: 4 });

    const details = await (await getJson(`/api/v1/errors/${a}`, { cookie })).json();
    expect(details.audit.map((e: { action: string }) => e.action)).toContain("error.merged");
  });

  it("answers a merged issue's old id with 404 naming the issue it went into, to its workspace's members only", async () => {
    const gone = await getJson(`/api/v1/errors/${b}`, { cookie });
    expect(gone.status).toBe(404);
    expect((await gone.json()).error).toMatchObject({ code: "not_found", mergedInto: a });
    const stranger = await createTenant("merge-stranger");
    const hidden = await getJson(`/api/v1/errors/${b}`, { cookie: await login(stranger.member) });
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).error.mergedInto).toBeUndefined();
  });

  it("lists the merged fingerprints and splits one off again with its events, exactly", async () => {
    const list = await (await getJson(`/api/v1/errors/${a}/fingerprints`, { cookie })).json();
    const merged = list.fingerprints.find((f: { kind: string }) => f.kind === "merged");
    expect(merged).toMatchObject({ events: 4 });
    expect(list.fingerprints.find((f: { kind: string }) => f.kind === "own")).toMatchObject({ events: 2 });

    const own = list.fingerprints.find((f: { kind: string }) => f.kind === "own").fingerprint;
    const refused = await post(`/api/v1/errors/${a}/unmerge`, cookie, { fingerprints: [own] });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(await refused.json())).toContain("fingerprints[0]");

    const res = await post(`/api/v1/errors/${a}/unmerge`, cookie, { fingerprints: [merged.fingerprint] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.created).toEqual([{ errorId: b, fingerprint: merged.fingerprint, occurrences: 4, events: 4, approximate: false, approximateIn: [] }]);
    expect(body.approximate).toBe(false);

    expect(await groupRow(a)).toMatchObject({ occurrenceCount: 2, usersAffected: 2 });
    expect(await groupRow(b)).toMatchObject({ occurrenceCount: 4, usersAffected: 3, status: "new" });
    expect(await rollups(a)).toEqual({ hourly: 2, daily: 2, weekly: 2 });
    expect(await rollups(b)).toEqual({ hourly: 4, daily: 4, weekly: 4 });
    expect(await projectDay(t.projectId)).toEqual({ events: 6, errors: 2 });

    expect(await ingest(t, eventB("u5"))).toBe(b);
    const audit = await query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "targetId" IN ($1, $2) ORDER BY at`, [a, b]);
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(["error.merged", "error.merged_into", "error.unmerged", "error.split_from"]));
  });
});

/**
 * Unmerge after the per-issue cap kept only some events (spike protection does the same): the
 * split-off issue gets every event, user, rollup row, tag and event id of its fingerprint, counted
 * or not, from the per-fingerprint counts (GroupFingerprintCount…) — not only what was stored.
 */
describe("unmerge of a capped issue", () => {
  let t: Tenant;
  let cookie: string;
  const ids: Record<"A" | "B", string> = { A: "", B: "" };
  const sampledIds: Record<"A" | "B", string[]> = { A: [], B: [] };
  const eventIds = (k: string) => Array.from({ length: 10 }, (_, i) => `unm-${k}-${i}-${Math.random().toString(36).slice(2, 10)}`);
  const sent = { A: eventIds("A"), B: eventIds("B") };
  const base = Date.now() - 3 * 3600_000;
  const capEvent = (k: "A" | "B", i: number) => ({
    eventId: sent[k][i],
    type: `CapErr${k}`,
    message: `cap ${k}`,
    stackTrace: `CapErr${k}: cap ${k}\n    at f${k} (/app/src/c${k}.js:1:1)`,
    occurredAt: new Date(base + i * 12 * 60_000 + (k === "B" ? 30_000 : 0)).toISOString(),
    environment: i % 2 ? "production" : "staging",
    release: `1.0.${i % 3}`,
    userId: `${k}${i}`,
    impact: { creditsLost: 1.5, executionsAffected: 2 },
  });
  let before: Record<"A" | "B", Snapshot>;
  let beforeTotals: { events: number; errors: number };
  let merged: string;

  type Snapshot = Awaited<ReturnType<typeof snapshot>>;
  async function snapshot(id: string) {
    const rows = async (table: string, key: string, extra = "") =>
      (await query<{ k: string }>(`SELECT concat_ws('|', ${key}, count, "creditsLost"${extra}) AS k FROM "${table}" WHERE "groupId" = $1 ORDER BY 1`, [id])).map((r) => r.k);
    const [group] = await query<{ occurrenceCount: number; sampledCount: number; usersAffected: number; creditsLost: string; executionsAffected: number; firstSeen: Date; lastSeen: Date }>(
      `SELECT "occurrenceCount", "sampledCount", "usersAffected", "creditsLost"::text, "executionsAffected", "firstSeen", "lastSeen" FROM "ErrorGroup" WHERE id = $1`,
      [id],
    );
    return {
      group,
      users: (await query<{ userId: string }>(`SELECT "userId" FROM "ErrorGroupUser" WHERE "groupId" = $1 ORDER BY 1`, [id])).map((r) => r.userId),
      hourly: await rows("ErrorHourly", "bucket, environment"),
      daily: await rows("ErrorDaily", "day", ", hours"),
      weekly: await rows("ErrorWeekly", "week"),
      envDaily: await rows("ErrorEnvDaily", "day, environment", ", hours"),
      envWeekly: await rows("ErrorEnvWeekly", "week, environment", ", days"),
      fiveMinute: await rows("ErrorFiveMinute", "bucket, environment"),
      tags: (await query<{ k: string }>(`SELECT concat_ws('|', key, value, count) AS k FROM "ErrorGroupTag" WHERE "groupId" = $1 ORDER BY 1`, [id])).map((r) => r.k),
      eventIds: (await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1 AND "groupId" = $2`, [t.projectId, id]))[0].n,
    };
  }
  const projectTotals = async () =>
    (await query<{ events: number; errors: number }>(`SELECT coalesce(sum(count), 0)::int AS events, coalesce(sum(errors), 0)::int AS errors FROM "ProjectDaily" WHERE "projectId" = $1`, [t.projectId]))[0];

  beforeAll(async () => {
    t = await createTenant("unmerge-cap");
    cookie = await login(t.admin);
    expect((await patchJson(`/api/v1/projects/${t.projectId}`, cookie, { maxEventsPerIssue: 2 })).status).toBe(200);
    for (const k of ["A", "B"] as const) {
      const res = await postEvents(t.key, Array.from({ length: 10 }, (_, i) => capEvent(k, i)));
      expect(res.status).toBe(202);
      ids[k] = (await res.json()).accepted[0].groupId;
      // Counted, not stored: their event ids have no occurrence.
      const notStored = await query<{ eventId: string }>(
        `SELECT "eventId" FROM "ErrorEventId" WHERE "projectId" = $1 AND "eventId" = ANY($2::text[]) AND "occurrenceId" IS NULL ORDER BY 1`,
        [t.projectId, sent[k]],
      );
      sampledIds[k] = notStored.map((r) => r.eventId);
    }
    before = { A: await snapshot(ids.A), B: await snapshot(ids.B) };
    beforeTotals = await projectTotals();
  });

  it("starts with two capped issues of 10 events and 10 users each, most of them not stored", () => {
    for (const k of ["A", "B"] as const) {
      expect(before[k].group).toMatchObject({ occurrenceCount: 10, usersAffected: 10 });
      expect(before[k].group.sampledCount).toBe(sampledIds[k].length);
      expect(sampledIds[k].length).toBeGreaterThanOrEqual(5);
      expect(before[k].eventIds).toBe(10);
    }
  });

  it("merges them (20 events, 20 users) and lists each fingerprint's counted events", async () => {
    expect((await post("/api/v1/errors/merge", cookie, { targetId: ids.A, sourceIds: [ids.B] })).status).toBe(200);
    expect((await snapshot(ids.A)).group).toMatchObject({ occurrenceCount: 20, usersAffected: 20, sampledCount: sampledIds.A.length + sampledIds.B.length });
    // A group-day counts once: the merged issue's days.
    const days = new Set([...before.A.daily, ...before.B.daily].map((row) => row.split("|")[0]));
    expect(beforeTotals).toEqual({ events: 20, errors: before.A.daily.length + before.B.daily.length });
    expect(await projectTotals()).toEqual({ events: 20, errors: days.size });
    const list = await (await getJson(`/api/v1/errors/${ids.A}/fingerprints`, { cookie })).json();
    const byKind = (kind: string) => list.fingerprints.find((f: { kind: string }) => f.kind === kind);
    expect(byKind("own")).toMatchObject({ events: 10, approximate: false });
    expect(byKind("merged")).toMatchObject({ events: 10, approximate: false });
    merged = byKind("merged").fingerprint;
  });

  it("splits B off with all its events, users, rollups, tags and event ids: both issues are as before the merge", async () => {
    // One of B's stored events expired meanwhile (as retention deletes occurrences): still counted, still B's.
    const [expired] = await query<{ eventId: string }>(
      `DELETE FROM "ErrorOccurrence" WHERE id = (SELECT id FROM "ErrorOccurrence" WHERE "groupId" = $1 AND fingerprint = $2 ORDER BY "occurredAt" LIMIT 1) RETURNING "eventId"`,
      [ids.A, merged],
    );
    expect(sent.B).toContain(expired.eventId);
    const res = await post(`/api/v1/errors/${ids.A}/unmerge`, cookie, { fingerprints: [merged] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ errorId: ids.A, approximate: false });
    expect(body.created).toEqual([{ errorId: ids.B, fingerprint: merged, occurrences: 10 - sampledIds.B.length - 1, events: 10, approximate: false, approximateIn: [] }]);

    for (const k of ["A", "B"] as const) {
      const after = await snapshot(ids[k]);
      expect(after.group).toMatchObject({ occurrenceCount: 10, usersAffected: 10, sampledCount: sampledIds[k].length, creditsLost: "15.00", executionsAffected: 20 });
      expect(after.users).toEqual(before[k].users);
      expect({ ...after, group: null }).toEqual({ ...before[k], group: null });
      expect(after.group.firstSeen).toEqual(before[k].group.firstSeen);
      expect(after.group.lastSeen).toEqual(before[k].group.lastSeen);
      const details = await (await getJson(`/api/v1/errors/${ids[k]}`, { cookie })).json();
      expect(details).toMatchObject({ occurrences: 10, impact: { usersAffected: 10 } });
    }
    // Per-project daily totals: events unchanged, each issue's days counted again.
    expect(await projectTotals()).toEqual(beforeTotals);
    // Nothing of B is kept apart on A any more, and A stops keeping its own users apart.
    const [left] = await query<{ n: number; tracks: boolean }>(
      `SELECT (SELECT count(*) FROM "GroupFingerprintCount" WHERE "groupId" = $1)::int + (SELECT count(*) FROM "GroupFingerprintBucket" WHERE "groupId" = $1)::int
         + (SELECT count(*) FROM "GroupFingerprintTag" WHERE "groupId" = $1)::int + (SELECT count(*) FROM "GroupFingerprintActor" WHERE "groupId" = $1)::int AS n,
         (SELECT "tracksOwnActors" FROM "ErrorGroup" WHERE id = $1) AS tracks`,
      [ids.A],
    );
    expect(left).toEqual({ n: 0, tracks: false });
  });

  it("answers a re-sent event id of B (one never stored) as a duplicate on B, counted once", async () => {
    const res = await postEvents(t.key, [capEvent("B", sent.B.indexOf(sampledIds.B[0]))]);
    expect(res.status).toBe(202);
    expect((await res.json()).accepted[0]).toMatchObject({ duplicate: true, groupId: ids.B });
    expect((await snapshot(ids.B)).group.occurrenceCount).toBe(10);
    expect((await snapshot(ids.A)).group.occurrenceCount).toBe(10);
    // A new event of B's fingerprint goes to B.
    const next = await postEvents(t.key, [{ ...capEvent("B", 0), eventId: `unm-B-next-${Math.random().toString(36).slice(2, 10)}` }]);
    expect((await next.json()).accepted[0]).toMatchObject({ duplicate: false, groupId: ids.B });
    expect((await snapshot(ids.B)).group).toMatchObject({ occurrenceCount: 11, usersAffected: 10 });
  });

  it("round-trips again: merged and split once more, both issues keep their counts", async () => {
    expect((await post("/api/v1/errors/merge", cookie, { targetId: ids.B, sourceIds: [ids.A] })).status).toBe(200);
    expect((await snapshot(ids.B)).group).toMatchObject({ occurrenceCount: 21, usersAffected: 20 });
    const list = await (await getJson(`/api/v1/errors/${ids.B}/fingerprints`, { cookie })).json();
    const fpA = list.fingerprints.find((f: { kind: string }) => f.kind === "merged").fingerprint;
    const res = await post(`/api/v1/errors/${ids.B}/unmerge`, cookie, { fingerprints: [fpA] });
    expect((await res.json()).created[0]).toMatchObject({ errorId: ids.A, events: 10, approximate: false });
    expect((await snapshot(ids.A)).group).toMatchObject({ occurrenceCount: 10, usersAffected: 10, sampledCount: sampledIds.A.length });
    expect((await snapshot(ids.B)).group).toMatchObject({ occurrenceCount: 11, usersAffected: 10 });
    expect((await snapshot(ids.A)).hourly).toEqual(before.A.hourly);
  });
});

describe("unmerge of a fingerprint counted apart only partly (it held events before the counts existed)", () => {
  it("moves what its stored events show and says it is approximate, in the response and the fingerprint list", async () => {
    const t = await createTenant("unmerge-legacy");
    const cookie = await login(t.admin);
    expect((await patchJson(`/api/v1/projects/${t.projectId}`, cookie, { maxEventsPerIssue: 2 })).status).toBe(200);
    const groupOf = async (k: string) => {
      const events = Array.from({ length: 6 }, (_, i) => ({ type: `OldErr${k}`, message: `old ${k}`, stackTrace: `OldErr${k}: old ${k}\n    at g${k} (/app/src/o${k}.js:1:1)`, occurredAt: at, userId: `${k}${i}` }));
      const res = await postEvents(t.key, events);
      return (await res.json()).accepted[0].groupId as string;
    };
    const a = await groupOf("A");
    const b = await groupOf("B");
    expect((await post("/api/v1/errors/merge", cookie, { targetId: a, sourceIds: [b] })).status).toBe(200);
    // As a pair that held events before migration 20261209000600 is seeded: counted only since.
    await query(`UPDATE "GroupFingerprintCount" SET exact = false, "actorsExact" = false WHERE "groupId" = $1`, [a]);
    const [stored] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorOccurrence" WHERE "groupId" = $1 AND fingerprint <> (SELECT fingerprint FROM "ErrorGroup" WHERE id = $1)`, [a]);
    expect(stored.n).toBeLessThan(6);

    const list = await (await getJson(`/api/v1/errors/${a}/fingerprints`, { cookie })).json();
    const fp = list.fingerprints.find((f: { kind: string }) => f.kind === "merged");
    expect(fp).toMatchObject({ approximate: true });
    expect(list.fingerprints.find((f: { kind: string }) => f.kind === "own")).toMatchObject({ approximate: true });

    const res = await post(`/api/v1/errors/${a}/unmerge`, cookie, { fingerprints: [fp.fingerprint] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ approximate: true, created: [{ errorId: b, events: stored.n, occurrences: stored.n, approximate: true, approximateIn: ["events", "users"] }] });
    expect(await groupRow(b)).toMatchObject({ occurrenceCount: stored.n, usersAffected: stored.n });
  });
});

describe("grouping rules", () => {
  let t: Tenant;
  let admin: string;
  const timeout = (host: string, fn: string) => ({
    type: "TimeoutError",
    message: `connect to ${host} timed out`,
    stackTrace: `TimeoutError: connect to ${host} timed out\n    at ${fn} (/srv/app/src/clients/${fn}.js:3:9)\n    at main (/srv/app/src/index.js:2:1)`,
  });

  beforeAll(async () => {
    t = await createTenant("rules");
    admin = await login(t.admin);
    await ingest(t, timeout("payments", "chargeCard"));
    await ingest(t, timeout("stock", "reserveStock"));
  });

  it("reads an empty list and names the field of an invalid rule (422)", async () => {
    expect(await (await getJson(`/api/v1/projects/${t.projectId}/grouping-rules`, { cookie: admin })).json()).toEqual({ projectId: t.projectId, rules: [] });
    const bad = await post(`/api/v1/projects/${t.projectId}/grouping-rules`, admin, { rules: [{ kind: "fingerprint", match: {}, fingerprint: ["x"] }] });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("rules[0].match");
  });

  const rules = [{ kind: "fingerprint", match: { type: "TimeoutError" }, fingerprint: ["upstream-timeouts"] }];

  it("dry-runs a rule over recent events: which issues would merge, nothing written", async () => {
    const res = await post(`/api/v1/projects/${t.projectId}/grouping-rules/preview`, await login(t.member), { rules });
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview).toMatchObject({ sampledEvents: 2, movedEvents: 2, splits: [] });
    expect(preview.merges).toHaveLength(1);
    expect(preview.merges[0].issues).toHaveLength(2);
    expect(preview.merges[0].into.errorId).toBeNull();
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorGroup" WHERE "projectId" = $1`, [t.projectId]);
    expect(n).toBe(2);
  });

  it("lets admins save rules (members 403) that group new events", async () => {
    expect((await post(`/api/v1/projects/${t.projectId}/grouping-rules`, await login(t.member), { rules })).status).toBe(403);
    const saved = await post(`/api/v1/projects/${t.projectId}/grouping-rules`, admin, { rules });
    expect(saved.status).toBe(200);
    const first = await ingest(t, timeout("search", "queryIndex"));
    expect(await ingest(t, timeout("mail", "sendMail"))).toBe(first);
  });
});

describe("grouping rules on hostile messages", () => {
  it("matches message globs without backtracking: a batch of long messages is grouped in little time", async () => {
    const t = await createTenant("glob-hostile");
    const admin = await login(t.admin);
    const rules = [
      { kind: "fingerprint", match: { message: "*error*error*error*X" }, fingerprint: ["never"] },
      { kind: "fingerprint", match: { message: "*timeout*while*connecting*" }, fingerprint: ["connect-timeouts"] },
    ];
    expect((await post(`/api/v1/projects/${t.projectId}/grouping-rules`, admin, { rules })).status).toBe(200);
    // With the regular expressions the globs used to compile to: 4 s per "error" event, 0.8 s per 8 KB one.
    const events = Array.from({ length: 50 }, (_, i) => ({
      type: "HostileError",
      // Messages are at most 8,192 characters.
      message: i % 2 === 0 ? "error".repeat(280) : `${"timeout while ".repeat(580)}${i % 4 === 1 ? "connecting" : ""}`,
      occurredAt: at,
    }));
    const started = performance.now();
    const res = await postEvents(t.key, events);
    const elapsed = performance.now() - started;
    expect(res.status).toBe(202);
    // Far above what it takes (well under a second); the old matcher took minutes.
    expect(elapsed).toBeLessThan(30_000);
    const body = (await res.json()) as { accepted: { index: number; groupId: string }[]; rejected: unknown[] };
    expect(body.rejected).toEqual([]);
    expect(body.accepted).toHaveLength(50);
    const groupOf = (i: number) => body.accepted.find((a) => a.index === i)!.groupId;
    // The rule's fingerprint groups the 13 messages it matches; the others keep their own grouping.
    const connecting = new Set(body.accepted.filter((a) => a.index % 4 === 1).map((a) => a.groupId));
    expect(connecting.size).toBe(1);
    expect(connecting.has(groupOf(3))).toBe(false);
    expect(connecting.has(groupOf(0))).toBe(false);
    const [row] = await query<{ occurrenceCount: number }>(`SELECT "occurrenceCount" FROM "ErrorGroup" WHERE id = $1`, [groupOf(1)]);
    expect(row.occurrenceCount).toBe(13);
  }, 120_000);
});

describe("the culprit names the method written (review s54)", () => {
  it("tells two .NET iterators of one file apart, and an async method's state machine by its method", async () => {
    const t = await createTenant("culprit-dotnet");
    const iterator = (name: string) => ({
      type: "System.FormatException",
      message: "The input string 'abc' was not in a correct format.",
      platform: "csharp",
      stackTrace: [
        "System.FormatException: The input string 'abc' was not in a correct format.",
        "   at System.Number.ThrowFormatException[TChar](ReadOnlySpan`1 value)",
        "   at System.Int32.Parse(String s)",
        `   at Acme.Import.CsvReader.<${name}>d__4.MoveNext() in /src/Acme.Import/CsvReader.cs:line 31`,
        "   at System.Linq.Enumerable.SelectEnumerableIterator`2.ToList()",
        "   at Acme.Import.Importer.Run(String path) in /src/Acme.Import/Importer.cs:line 18",
      ].join("\n"),
    });
    const rows = await ingest(t, iterator("ReadRows"));
    const headers = await ingest(t, iterator("ReadHeaders"));
    expect(rows).not.toBe(headers);
    const cookie = await login(t.viewer);
    const culprit = async (id: string) => (await (await getJson(`/api/v1/errors/${id}`, { cookie })).json()).culprit;
    expect(await culprit(rows)).toBe("src/Acme.Import/CsvReader.cs in ReadRows");
    expect(await culprit(headers)).toBe("src/Acme.Import/CsvReader.cs in ReadHeaders");
    const list = await (await getJson(`/api/v1/errors?projectId=${t.projectId}`, { cookie })).json();
    expect(list.items.map((i: { culprit: string }) => i.culprit).sort()).toEqual(["src/Acme.Import/CsvReader.cs in ReadHeaders", "src/Acme.Import/CsvReader.cs in ReadRows"]);
  });
});

describe("grouping versions", () => {
  it("keeps existing issues through the upgrade: an event joins the issue of its previous-version fingerprint", async () => {
    const t = await createTenant("legacy");
    const text = trace("renderInvoice", "invoice");
    const legacy = computeFingerprint({ type: "TypeError", message: "x", frames: parseStackTrace(text, "node").frames }).fingerprint;
    const oldId = groupIdFor(t.projectId, legacy);
    await query(
      `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, "firstSeen", "lastSeen", "occurrenceCount", "updatedAt")
       VALUES ($1, $2, $3, $4, 'TypeError', 'x', 'high', 'runtime', 'app', now() - interval '3 days', now() - interval '3 days', 7, now())`,
      [oldId, t.workspaceId, t.projectId, legacy],
    );
    await query(`UPDATE "Project" SET "legacyGroupingUntil" = now() + interval '1 day' WHERE id = $1`, [t.projectId]);

    expect(await ingest(t, { type: "TypeError", message: "x", stackTrace: text })).toBe(oldId);
    expect(await ingest(t, { type: "TypeError", message: "x", stackTrace: text })).toBe(oldId);
    expect(await groupRow(oldId)).toMatchObject({ occurrenceCount: 9 });
    const aliases = await query<{ kind: string }>(`SELECT kind FROM "GroupFingerprint" WHERE "groupId" = $1`, [oldId]);
    expect(aliases).toEqual([{ kind: "legacy" }]);

    // After the transition, an event whose new fingerprint has no issue opens its own.
    await query(`UPDATE "Project" SET "legacyGroupingUntil" = now() - interval '1 second' WHERE id = $1`, [t.projectId]);
    const other = trace("renderReceipt", "receipt");
    const otherLegacy = computeFingerprint({ type: "TypeError", message: "x", frames: parseStackTrace(other, "node").frames }).fingerprint;
    await query(
      `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, "firstSeen", "lastSeen", "updatedAt")
       VALUES ($1, $2, $3, $4, 'TypeError', 'x', 'high', 'runtime', 'app', now(), now(), now())`,
      [groupIdFor(t.projectId, otherLegacy), t.workspaceId, t.projectId, otherLegacy],
    );
    expect(await ingest(t, { type: "TypeError", message: "x", stackTrace: other })).not.toBe(groupIdFor(t.projectId, otherLegacy));
  });

  it("keeps a Go issue opened before panics were keyed on their message: each panic joins it under its own new fingerprint, which unmerge splits off", async () => {
    const t = await createTenant("go-panic-upgrade");
    const panic = (message: string) => ({
      type: "panic",
      message,
      platform: "go",
      stackTrace: [
        `panic: ${message}`,
        "",
        "goroutine 12 [running]:",
        "github.com/acme/shop/internal/events.(*Bus).Publish(0xc000010000, {0x6b1c20, 0xc000012345})",
        "\t/app/internal/events/bus.go:41 +0x1d",
        "github.com/acme/shop/internal/http.(*Handler).CreateOrder(0xc0001a2000)",
        "\t/app/internal/http/handler.go:88 +0x12b",
      ].join("\n"),
    });
    const nilMap = panic("assignment to entry in nil map");
    const closed = panic("send on closed channel");
    const [nilMapKeys, closedKeys] = [nilMap, closed].map((e) => prepareEvent(IngestEventSchema.parse({ ...e, occurredAt: at })));
    expect(nilMapKeys.fingerprint).not.toBe(closedKeys.fingerprint);
    // Before the change both panics had this one key: the installation has that issue.
    const old = nilMapKeys.previousFingerprint!;
    expect(old).toMatch(/^[0-9a-f]{32}$/);
    expect(closedKeys.previousFingerprint).toBe(old);
    const oldId = groupIdFor(t.projectId, old);
    await query(
      `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, "firstSeen", "lastSeen", "occurrenceCount", "updatedAt")
       VALUES ($1, $2, $3, $4, 'panic', 'assignment to entry in nil map', 'high', 'runtime', 'app', now() - interval '3 days', now() - interval '3 days', 5, now())`,
      [oldId, t.workspaceId, t.projectId, old],
    );

    expect(await ingest(t, nilMap)).toBe(oldId);
    expect(await ingest(t, closed)).toBe(oldId);
    expect(await groupRow(oldId)).toMatchObject({ occurrenceCount: 7 });
    const aliases = await query<{ fingerprint: string; kind: string }>(`SELECT fingerprint, kind FROM "GroupFingerprint" WHERE "groupId" = $1 ORDER BY fingerprint`, [oldId]);
    expect(aliases).toEqual([nilMapKeys.fingerprint, closedKeys.fingerprint].sort().map((fingerprint) => ({ fingerprint, kind: "legacy" })));

    // The panics now arrive under keys of their own: the closed channel is split off, and stays apart.
    const cookie = await login(t.admin);
    const res = await post(`/api/v1/errors/${oldId}/unmerge`, cookie, { fingerprints: [closedKeys.fingerprint] });
    expect(res.status).toBe(200);
    const [created] = (await res.json()).created as { errorId: string; events: number }[];
    expect(created).toMatchObject({ events: 1 });
    expect(created.errorId).not.toBe(oldId);
    expect(await ingest(t, closed)).toBe(created.errorId);
    expect(await ingest(t, nilMap)).toBe(oldId);
  });
});

describe("sentry-elixir with its default config (every frame in_app false), through the store endpoint", () => {
  const store = (t: Tenant, event: Record<string, unknown>) =>
    fetch(`${BASE_URL}/api/${t.projectPublicId}/store/`, {
      method: "POST",
      headers: { "x-sentry-auth": `Sentry sentry_version=5, sentry_client=sentry-elixir/10.10.0, sentry_key=${t.key}` },
      // Sent now: the fixture's time could fall outside what the project keeps.
      body: JSON.stringify({ ...event, timestamp: new Date().toISOString().replace("Z", "") }),
    });
  const send = async (t: Tenant, events: Record<string, unknown>[]) => {
    for (const event of events) {
      const res = await store(t, event);
      expect(res.status, await res.clone().text()).toBe(200);
    }
  };
  const groupsOf = (t: Tenant) =>
    query<{ id: string; fingerprint: string; type: string; occurrenceCount: number }>(
      `SELECT id::text, fingerprint, type, "occurrenceCount" FROM "ErrorGroup" WHERE "projectId" = $1 ORDER BY type, "occurrenceCount" DESC`,
      [t.projectId],
    );

  it("makes one issue of the KeyErrors with other maps, one of the MatchErrors with other changesets, and keeps another bug apart", async () => {
    const t = await createTenant("elixir-default");
    await send(t, [...elixirDefaultConfigReview.keyErrors, ...elixirDefaultConfigReview.matchErrors, elixirDefaultConfigReview.otherKeyError]);
    const groups = await groupsOf(t);
    expect(groups.map((g) => [g.type, g.occurrenceCount])).toEqual([
      ["KeyError", 3],
      ["KeyError", 1],
      ["MatchError", 2],
    ]);
    // The event shows the frames grouping keyed on as the app's: MyApp's, not Phoenix's or Elixir's.
    const cookie = await login(t.admin);
    const latest = await getJson(`/api/v1/errors/${groups[0].id}/events/latest`, { cookie });
    expect(latest.status).toBe(200);
    const frames = (await latest.json()).exceptions[0].frames as { function: string; inApp: boolean }[];
    expect(frames.filter((f) => f.inApp).map((f) => f.function)).toContain("MyApp.Billing.Pricing.total/1");
    expect(frames.find((f) => f.function === "Map.fetch!/2")?.inApp).toBe(false);
  });

  it("keeps an issue opened before the upgrade: the events join it through the key they had then, and that is remembered", async () => {
    const t = await createTenant("elixir-upgrade");
    const [draft, paid, note] = elixirDefaultConfigReview.keyErrors.map((e) => prepareEvent(unpackStoreEvent(e)[0]));
    expect(new Set([draft.fingerprint, paid.fingerprint, note.fingerprint]).size).toBe(1);
    // Two of the issues the old keys made (one per map), as an installation has them.
    const before = [draft.previousFingerprint, paid.previousFingerprint];
    for (const [i, fingerprint] of before.entries()) {
      expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
      await query(
        `INSERT INTO "ErrorGroup" (id, "workspaceId", "projectId", fingerprint, type, message, severity, category, source, "firstSeen", "lastSeen", "occurrenceCount", "updatedAt")
         VALUES ($1, $2, $3, $4, 'KeyError', 'key :currency not found', 'high', 'runtime', 'app', now() - interval '3 days', now() - interval '3 days', $5, now())`,
        [groupIdFor(t.projectId, fingerprint!), t.workspaceId, t.projectId, fingerprint, 5 + i],
      );
    }
    const draftIssue = groupIdFor(t.projectId, before[0]!);
    const paidIssue = groupIdFor(t.projectId, before[1]!);

    await send(t, elixirDefaultConfigReview.keyErrors);
    const groups = await groupsOf(t);
    // No new issue: the first event joined the issue of its old key, and the new key now leads there.
    expect(groups.map((g) => [g.id, g.occurrenceCount])).toEqual([
      [draftIssue, 8],
      [paidIssue, 6],
    ]);
    const aliases = await query<{ fingerprint: string; kind: string }>(`SELECT fingerprint, kind FROM "GroupFingerprint" WHERE "groupId" = $1`, [draftIssue]);
    expect(aliases).toEqual([{ fingerprint: draft.fingerprint, kind: "legacy" }]);

    // Later events of the bug keep landing there, whatever map they carry.
    await send(t, [{ ...elixirDefaultConfigReview.keyErrors[1], event_id: "6a7b8c9d0e1f46d7e859a0b1c2d3e4f5" }]);
    expect((await groupsOf(t)).map((g) => [g.id, g.occurrenceCount])).toEqual([
      [draftIssue, 9],
      [paidIssue, 6],
    ]);
  });
});
