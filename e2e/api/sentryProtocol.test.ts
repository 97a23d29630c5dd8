// @serial-db: asserts whole-table row counts, so it runs while no other test file writes.
import crypto from "node:crypto";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestTableCounts, query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId, postRaw, sentryUrl } from "@/e2e/support/envelopes";
import { BASE_URL, createTenant, type Tenant } from "@/e2e/support/tenant";
import { db } from "@/lib/db/prisma";
import { revokeIngestKey } from "@/lib/projects/revokeIngestKey";

let t: Tenant;
let other: Tenant;
const auth = () => `sentry_key=${t.key}&sentry_version=7`;
const dsnFor = (tenant: Tenant) => `http://${tenant.key}@${new URL(BASE_URL).host}/${tenant.projectPublicId}`;

async function occurrences(eventId: string) {
  return query<{ eventId: string; message: string }>(`SELECT "eventId", message FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" = $2`, [t.projectId, eventId]);
}

beforeAll(async () => {
  t = await createTenant("proto");
  other = await createTenant("proto-other");
});

describe("Sentry protocol: authentication", () => {
  it("accepts the key in the query string, the X-Sentry-Auth header or the envelope dsn", async () => {
    for (const form of ["query", "header", "dsn"] as const) {
      const id = newEventId();
      const body = envelope(form === "dsn" ? { event_id: id, dsn: dsnFor(t) } : { event_id: id }, [{ type: "event", payload: errorEvent(id) }]);
      const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", form === "query" ? auth() : ""), new Uint8Array(body), {
        ...(form === "header" && { "x-sentry-auth": `Sentry sentry_version=7, sentry_key=${t.key}, sentry_client=test/1.0` }),
      });
      expect(res.status, form).toBe(200);
      expect(await res.json()).toEqual({ id });
      expect(await occurrences(id)).toHaveLength(1);
    }
  });

  it("refuses missing (401), wrong (403) or disagreeing (400, naming both places) keys and unknown projects (404), storing nothing", async () => {
    const id = newEventId();
    const body = () => new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }]));
    const before = await ingestTableCounts();
    expect((await postRaw(sentryUrl(t.projectPublicId, "envelope"), body())).status).toBe(401);
    expect((await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${"f".repeat(32)}`), body())).status).toBe(403);
    expect((await postRaw(sentryUrl(t.projectPublicId, "envelope", `sentry_key=${other.key}`), body())).status).toBe(403);
    const disagree = await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), body(), {
      "x-sentry-auth": `Sentry sentry_key=${other.key}`,
    });
    expect(disagree.status).toBe(400);
    expect((await disagree.json()).error).toMatchObject({ code: "conflicting_credentials", fields: ["header X-Sentry-Auth", "query sentry_key"] });
    const dsnDisagrees = envelope({ event_id: id, dsn: dsnFor(other) }, [{ type: "event", payload: errorEvent(id) }]);
    const dsnAnswer = await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), new Uint8Array(dsnDisagrees));
    expect(dsnAnswer.status).toBe(400);
    expect((await dsnAnswer.json()).error.fields).toEqual(["query sentry_key", "envelope dsn"]);
    expect((await postRaw(sentryUrl(999_999, "envelope", auth()), body())).status).toBe(404);
    expect((await postRaw(`${BASE_URL}/api/not-a-number/envelope/?${auth()}`, body())).status).toBe(404);
    expect(await ingestTableCounts()).toEqual(before);
  });

  it("refuses a revoked key with 403", async () => {
    const r = await createTenant("proto-revoke");
    await revokeIngestKey({ projectId: r.projectId, keyId: r.keyId });
    const id = newEventId();
    const res = await postRaw(sentryUrl(r.projectPublicId, "envelope", `sentry_key=${r.key}`), new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }])));
    expect(res.status).toBe(403);
  });
});

describe("Sentry protocol: bodies", () => {
  const send = (body: Buffer | Uint8Array, headers: Record<string, string> = {}, path: "envelope" | "store" = "envelope", slash = true) =>
    postRaw(sentryUrl(t.projectPublicId, path, auth(), slash), new Uint8Array(body), headers);

  it("accepts any or no Content-Type, with and without the trailing slash", async () => {
    for (const [contentType, slash] of [[undefined, true], ["text/plain;charset=UTF-8", false], ["application/x-sentry-envelope", true], ["application/octet-stream", false]] as const) {
      const id = newEventId();
      const res = await send(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }]), contentType ? { "content-type": contentType } : {}, "envelope", slash);
      expect(res.status, String(contentType)).toBe(200);
      expect(await occurrences(id)).toHaveLength(1);
    }
  });

  it("decodes gzip, deflate and br", async () => {
    for (const [encoding, compress] of [["gzip", zlib.gzipSync], ["deflate", zlib.deflateSync], ["br", zlib.brotliCompressSync]] as const) {
      const id = newEventId();
      const res = await send(compress(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }])), { "content-encoding": encoding });
      expect(res.status, encoding).toBe(200);
      expect(await occurrences(id)).toHaveLength(1);
    }
  });

  it("reads chunked bodies", async () => {
    const id = newEventId();
    const bytes = envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }]);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64) controller.enqueue(new Uint8Array(bytes.subarray(i, i + 64)));
        controller.close();
      },
    });
    const res = await fetch(sentryUrl(t.projectPublicId, "envelope", auth()), { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(res.status).toBe(200);
    expect(await occurrences(id)).toHaveLength(1);
  });

  it("handles items with and without length, no trailing newline, binary attachments and unknown types", async () => {
    const id = newEventId();
    const binary = Buffer.from([0x00, 0x0a, 0xff, 0x0a, 0x0a, 0x01]);
    const body = envelope(
      { event_id: id },
      [
        { type: "attachment", payload: binary, headers: { filename: "dump.bin" } },
        { type: "event", payload: errorEvent(id), noLength: true },
        { type: "brand_new_item_type", payload: '{"hello":"world"}' },
        { type: "transaction", payload: '{"type":"transaction","spans":[]}' },
        { type: "client_report", payload: JSON.stringify({ timestamp: Date.now() / 1000, discarded_events: [{ reason: "queue_overflow", category: "error", quantity: 4 }] }) },
      ],
      false,
    );
    const res = await send(body);
    expect(res.status).toBe(200);
    expect(await occurrences(id)).toHaveLength(1);
    const [discard] = await query<{ quantity: number }>(`SELECT quantity FROM "ClientDiscard" WHERE "projectId" = $1 AND reason = 'queue_overflow'`, [t.projectId]);
    expect(discard.quantity).toBe(4);
  });

  it("turns session items into execution counts", async () => {
    const started = new Date().toISOString();
    const sessions = [
      { sid: "s1", init: false, status: "exited", errors: 0, started, attrs: { release: "r1", environment: "prod" } },
      { sid: "s2", init: false, status: "crashed", errors: 1, started, attrs: { release: "r1", environment: "prod" } },
    ];
    const body = envelope({}, [
      ...sessions.map((s) => ({ type: "session", payload: JSON.stringify(s) })),
      { type: "sessions", payload: JSON.stringify({ aggregates: [{ started, exited: 5, errored: 2 }], attrs: { release: "r1", environment: "prod" } }) },
    ]);
    expect((await send(body)).status).toBe(200);
    const [row] = await query<{ ok: string; failed: string; crashed: string }>(
      `SELECT sum(ok) AS ok, sum(failed) AS failed, sum(crashed) AS crashed FROM "ExecutionMinute" WHERE "projectId" = $1 AND environment = 'prod'`,
      [t.projectId],
    );
    expect(row).toEqual({ ok: "6", failed: "2", crashed: "1" });
  });

  it("counts a session once when the SDK sends its end again (the JavaScript SDKs do)", async () => {
    const started = new Date().toISOString();
    const sid = crypto.randomUUID().replaceAll("-", "");
    const crashed = { sid, init: false, status: "crashed", errors: 1, started, attrs: { release: "r1", environment: "resent" } };
    const item = { type: "session", payload: JSON.stringify(crashed) };
    expect((await send(envelope({}, [item, item]))).status).toBe(200);
    expect((await send(envelope({}, [item]))).status).toBe(200);
    // Another session still counts.
    const other = { ...crashed, sid: crypto.randomUUID().replaceAll("-", ""), status: "exited", errors: 0 };
    expect((await send(envelope({}, [{ type: "session", payload: JSON.stringify(other) }]))).status).toBe(200);
    const [row] = await query<{ ok: string; crashed: string }>(
      `SELECT sum(ok) AS ok, sum(crashed) AS crashed FROM "ExecutionMinute" WHERE "projectId" = $1 AND environment = 'resent'`,
      [t.projectId],
    );
    expect(row).toEqual({ ok: "1", crashed: "1" });
  });

  it("is idempotent on event_id", async () => {
    const id = newEventId();
    for (let i = 0; i < 3; i++) expect((await send(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }]))).status).toBe(200);
    expect(await occurrences(id)).toHaveLength(1);
  });

  it("accepts the store endpoint with a JSON event", async () => {
    const id = newEventId();
    for (const slash of [true, false]) {
      const res = await send(Buffer.from(errorEvent(id, { message: "via store" })), { "content-type": "application/json" }, "store", slash);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id });
    }
    expect(await occurrences(id)).toHaveLength(1);
  });

  it("drops a transaction posted to the store endpoint or sent as an event item, as a transaction item is: answered with its id, no issue; feedback there is feedback", async () => {
    const now = Date.now() / 1000;
    const transaction = (id: string) =>
      JSON.stringify({ event_id: id, type: "transaction", transaction: "/checkout/submit", start_timestamp: now - 1, timestamp: now, contexts: { trace: { trace_id: "a".repeat(32), span_id: "b".repeat(16) } }, spans: [], sdk: { name: "sentry.python", version: "0.14.4" } });
    const viaStore = newEventId();
    const stored = await send(Buffer.from(transaction(viaStore)), { "content-type": "application/json" }, "store");
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({ id: viaStore });
    const asEventItem = newEventId();
    const sent = await send(envelope({ event_id: asEventItem }, [{ type: "event", payload: transaction(asEventItem) }]));
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ id: asEventItem });
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorEventId" WHERE "projectId" = $1 AND "eventId" = ANY($2)`, [t.projectId, [viaStore, asEventItem]]);
    expect(n).toBe(0);
    // Feedback posted there (`"type": "feedback"`) is user feedback, as in an envelope.
    const feedbackId = newEventId();
    const feedback = await send(Buffer.from(JSON.stringify({ event_id: feedbackId, type: "feedback", contexts: { feedback: { message: "The pay button does nothing" } } })), {}, "store");
    expect(await feedback.json()).toEqual({ id: feedbackId });
    const rows = await query<{ comments: string }>(`SELECT comments FROM "UserFeedback" WHERE "projectId" = $1 AND key = $2`, [t.projectId, feedbackId]);
    expect(rows).toEqual([{ comments: "The pay button does nothing" }]);
    expect(await occurrences(feedbackId)).toEqual([]);
  });

  it("keeps the SDK an envelope names only in its header on the event", async () => {
    const id = newEventId();
    const event = JSON.stringify({ event_id: id, message: "sdk in the header only", timestamp: Date.now() / 1000 });
    expect((await send(envelope({ event_id: id, sdk: { name: "sentry.javascript.browser", version: "8.1.0" } }, [{ type: "event", payload: event }]))).status).toBe(200);
    const [row] = await query<{ sdk: unknown }>(`SELECT metadata->'sentry'->'sdk' AS sdk FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" = $2`, [t.projectId, id]);
    expect(row.sdk).toEqual({ name: "sentry.javascript.browser", version: "8.1.0" });
  });

  it("accepts legacy clients on the store endpoint: base64/zlib bodies, sentry.interfaces.* names, the key in Authorization", async () => {
    const legacyUrl = sentryUrl(t.projectPublicId, "store");
    const ravenAuth = `Sentry sentry_version=6, sentry_client=raven-ruby/3.1.2, sentry_timestamp=${Math.floor(Date.now() / 1000)}, sentry_key=${t.key}, sentry_secret=ignored`;
    const legacyEvent = (id: string, type: string) =>
      JSON.stringify({
        event_id: id,
        timestamp: new Date().toISOString().slice(0, 19),
        platform: "ruby",
        level: "error",
        "sentry.interfaces.Exception": { type, value: "undefined method `total' for nil", module: "NoMethodError" },
        "sentry.interfaces.Stacktrace": { frames: [{ filename: "app/models/cart.rb", function: "checkout", lineno: 42, in_app: true }] },
        "sentry.interfaces.User": { id: "legacy-user" },
      });
    // sentry-raven and sentry-php 1.x: base64 of deflated JSON, as octet-stream, no Content-Encoding.
    const base64Id = newEventId();
    const base64Body = zlib.deflateSync(Buffer.from(legacyEvent(base64Id, "NoMethodError"))).toString("base64");
    const viaHeader = await postRaw(legacyUrl, base64Body, { "content-type": "application/octet-stream", "x-sentry-auth": ravenAuth });
    expect(viaHeader.status).toBe(200);
    expect(await viaHeader.json()).toEqual({ id: base64Id });
    // raven-python: deflate under its Content-Encoding; a client that can only set Authorization.
    const deflateId = newEventId();
    const viaAuthorization = await postRaw(legacyUrl, new Uint8Array(zlib.deflateSync(Buffer.from(legacyEvent(deflateId, "NoMethodError")))), {
      "content-type": "application/octet-stream",
      "content-encoding": "deflate",
      authorization: ravenAuth,
    });
    expect(viaAuthorization.status).toBe(200);
    const stored = await query<{ eventId: string; type: string; message: string; userId: string; groupId: string }>(
      `SELECT o."eventId", g.type, o.message, o."userId", o."groupId" FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId"
       WHERE o."projectId" = $1 AND o."eventId" = ANY($2) ORDER BY o."eventId"`,
      [t.projectId, [base64Id, deflateId]],
    );
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(row).toMatchObject({ type: "NoMethodError", message: "undefined method `total' for nil", userId: "legacy-user" });
    expect(new Set(stored.map((row) => row.groupId)).size).toBe(1);
    // A Bearer token is not a Sentry key: no key named → 401; corrupt compressed data → 400, nothing stored.
    expect((await postRaw(legacyUrl, base64Body, { authorization: "Bearer abc" })).status).toBe(401);
    const corrupt = zlib.deflateSync(Buffer.from(legacyEvent(newEventId(), "X"))).subarray(0, 10).toString("base64");
    const refused = await postRaw(legacyUrl, corrupt, { "x-sentry-auth": ravenAuth });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.message).toMatch(/body/);
  });

  it("refuses malformed envelopes with 400 and stores nothing", async () => {
    const id = newEventId();
    const before = await ingestTableCounts();
    const bad = [
      Buffer.from("not json at all\n"),
      Buffer.from(`{"event_id":"${id}"}\n{"type":"event","length":999}\n{}`),
      Buffer.from(`{"event_id":"${id}"}\n{"length":2}\n{}\n`),
      Buffer.concat([envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }]), Buffer.from('{"type":"event"}\nnot-json\n')]),
      Buffer.from(""),
    ];
    for (const body of bad) expect((await send(body)).status).toBe(400);
    expect((await send(Buffer.from("{broken"), {}, "store")).status).toBe(400);
    expect((await send(Buffer.from("not gzip"), { "content-encoding": "gzip" })).status).toBe(400);
    expect(await ingestTableCounts()).toEqual(before);
  });

  it("refuses oversize bodies and gzip bombs with 413 in bounded memory", async () => {
    const before = await ingestTableCounts();
    const id = newEventId();
    const huge = envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id, { extra: { blob: "x".repeat(21 * 1024 * 1024) } }) }]);
    expect((await send(huge)).status).toBe(413);
    const bomb = zlib.gzipSync(Buffer.alloc(256 * 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await send(bomb, { "content-encoding": "gzip" })).status).toBe(413);
    expect((await send(Buffer.from(errorEvent(id, { extra: { blob: "y".repeat(1100 * 1024) } })), {}, "store")).status).toBe(413);
    // A legacy client's base64 of deflated data, inflating to 64 MiB: cut off at the store limit.
    expect((await send(Buffer.from(zlib.deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20)).toString("base64")), {}, "store")).status).toBe(413);
    expect(await ingestTableCounts()).toEqual(before);
    const health = await fetch(`${BASE_URL}/api/health`);
    expect(health.status).toBe(200);
  });
});

describe("Sentry protocol: browsers and limits", () => {
  it("answers with CORS headers and a correct preflight", async () => {
    const id = newEventId();
    const res = await postRaw(sentryUrl(t.projectPublicId, "envelope", auth()), new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }])), {
      origin: "http://shop.example",
      "content-type": "text/plain;charset=UTF-8",
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toBe("x-sentry-rate-limits, retry-after");
    const preflight = await fetch(sentryUrl(t.projectPublicId, "envelope", auth()), {
      method: "OPTIONS",
      headers: { origin: "http://shop.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-custom-tenant" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type, x-custom-tenant");
    const error = await postRaw(sentryUrl(t.projectPublicId, "envelope"), new Uint8Array(Buffer.from("{}\n")), { origin: "http://shop.example" });
    expect(error.status).toBe(401);
    expect(error.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("enforces allowed origins per project", async () => {
    const r = await createTenant("proto-origin");
    await db().project.update({ where: { id: r.projectId }, data: { allowedOrigins: ["https://app.example"] } });
    const id = newEventId();
    const body = () => new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }]));
    const ok = await postRaw(sentryUrl(r.projectPublicId, "envelope", `sentry_key=${r.key}`), body(), { origin: "https://app.example" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example");
    const refused = await postRaw(sentryUrl(r.projectPublicId, "envelope", `sentry_key=${r.key}`), body(), { origin: "https://evil.example" });
    expect(refused.status).toBe(403);
  });

  it("rate-limits per project with 429, Retry-After and X-Sentry-Rate-Limits", async () => {
    const r = await createTenant("proto-rate");
    await db().project.update({ where: { id: r.projectId }, data: { rateLimitPerMinute: 3 } });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 5; i++) {
      const id = newEventId();
      const res = await postRaw(sentryUrl(r.projectPublicId, "envelope", `sentry_key=${r.key}`), new Uint8Array(envelope({ event_id: id }, [{ type: "event", payload: errorEvent(id) }])));
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    // The window is a wall-clock minute: if it rolled over mid-test, the count restarted.
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
    expect(statuses).toContain(429);
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited!.headers.get("x-sentry-rate-limits")).toMatch(/^\d+:error;default;[a-z_;]+:project:rate_limited$/);
    const [{ n }] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ErrorOccurrence" WHERE "projectId" = $1`, [r.projectId]);
    expect(Number(n)).toBe(statuses.filter((s) => s === 200).length);
  });

  it("over the event limits, still takes envelopes of only sessions, client reports and check-ins (check-ins within limits of their own); the 429 names every category it refuses", async () => {
    // A day quota: no minute window to roll over mid-test.
    const r = await createTenant("proto-uncounted");
    await db().project.update({ where: { id: r.projectId }, data: { quotaPerDay: 2 } });
    const url = sentryUrl(r.projectPublicId, "envelope", `sentry_key=${r.key}`);
    const send = (items: Parameters<typeof envelope>[1], header: Record<string, unknown> = {}) => postRaw(url, new Uint8Array(envelope(header, items)));
    const event = () => {
      const id = newEventId();
      return { type: "event", payload: errorEvent(id) };
    };
    const session = (sid: string) => ({ type: "session", payload: JSON.stringify({ sid, init: true, started: new Date().toISOString(), status: "ok", attrs: { release: "web@1.0.0", environment: "production" } }) });
    const checkIn = (slug: string) => ({ type: "check_in", payload: JSON.stringify({ check_in_id: newEventId(), monitor_slug: slug, status: "ok" }) });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await send([event()])).status);
    expect(statuses).toEqual([200, 200, 429]);

    const refused = await send([event()]);
    expect(refused.status).toBe(429);
    const [retryAfter, categories, scope, reason] = refused.headers.get("x-sentry-rate-limits")!.split(":");
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect([scope, reason]).toEqual(["project", "project_quota"]);
    expect(categories.split(";")).toEqual(expect.arrayContaining(["error", "default", "security", "attachment", "feedback", "transaction"]));
    for (const notRefused of ["session", "internal", "monitor"]) expect(categories.split(";")).not.toContain(notRefused);

    expect((await send([session(crypto.randomUUID())])).status).toBe(200);
    expect((await send([{ type: "client_report", payload: JSON.stringify({ timestamp: Date.now() / 1000, discarded_events: [{ reason: "ratelimit_backoff", category: "error", quantity: 4 }] }) }])).status).toBe(200);
    expect((await send([checkIn("nightly-export"), session(crypto.randomUUID())])).status).toBe(200);
    expect((await fetch(`${BASE_URL}/api/${r.projectPublicId}/cron/hourly-sync/${r.key}/?status=ok`)).status).toBe(202);
    // Anything counted in the envelope refuses it whole, as before.
    expect((await send([session(crypto.randomUUID()), event()])).status).toBe(429);

    // Check-ins have limits of their own, the same numbers: the third of the day is refused, naming only `monitor`.
    const third = await send([checkIn("nightly-export")]);
    expect(third.status).toBe(429);
    expect(third.headers.get("x-sentry-rate-limits")).toMatch(/^\d+:monitor:project:project_quota$/);

    const [counts] = await query<{ events: number; sessions: number; discards: number; checkIns: number }>(
      `SELECT (SELECT count(*)::int FROM "ErrorOccurrence" WHERE "projectId" = $1) AS events,
              (SELECT count(*)::int FROM "CountedSession" WHERE "projectId" = $1) AS sessions,
              (SELECT coalesce(sum(quantity), 0)::int FROM "ClientDiscard" WHERE "projectId" = $1) AS discards,
              (SELECT count(*)::int FROM "CronCheckIn" c JOIN "CronMonitor" m ON m.id = c."monitorId" WHERE m."projectId" = $1) AS "checkIns"`,
      [r.projectId],
    );
    expect(counts).toEqual({ events: 2, sessions: 2, discards: 4, checkIns: 2 });
  });

  it("counts user feedback against the rate limit like events: a public DSN cannot write without bound", async () => {
    const r = await createTenant("proto-rate-feedback");
    await db().project.update({ where: { id: r.projectId }, data: { rateLimitPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const eventId = newEventId();
      const report = JSON.stringify({ event_id: eventId, comments: `report ${i}` });
      const res = await postRaw(sentryUrl(r.projectPublicId, "envelope", `sentry_key=${r.key}`), new Uint8Array(envelope({ event_id: eventId }, [{ type: "user_report", payload: report }])));
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "UserFeedback" WHERE "projectId" = $1`, [r.projectId]);
    expect(n).toBe(statuses.filter((s) => s === 200).length);
    // The window is a wall-clock minute: at most two windows' worth got through.
    expect(n).toBeLessThanOrEqual(6);
    expect(n).toBeGreaterThanOrEqual(3);
  });
});
