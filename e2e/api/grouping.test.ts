import { beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, getJson, login, postEvents, type Tenant } from "@/e2e/support/tenant";
import { loadCorpus } from "@/lib/grouping/corpus/loadCorpus";
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
    expect(body.created).toEqual([{ errorId: b, fingerprint: merged.fingerprint, occurrences: 4 }]);

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
