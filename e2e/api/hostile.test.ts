// @serial-db: compares whole tables that carry no workspace column, so it runs while no other test file writes.
import { randomUUID } from "node:crypto";
import net from "node:net";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { changedTables, workspaceSnapshot } from "@/e2e/support/dbSnapshot";
import { query } from "@/e2e/support/dbCounts";
import { envelope, errorEvent, newEventId } from "@/e2e/support/envelopes";
import { minidumpUpload } from "@/e2e/support/minidumpUpload";
import { parsePrometheusText } from "@/e2e/support/prometheusText";
import { BASE_URL, createTenant, login, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";
import { createChannel } from "@/lib/alerts/channels/createChannel";
import { measureAggregates } from "@/lib/alerts/evaluate/measureAggregates";
import { db } from "@/lib/db/prisma";
import { INT4_MAX } from "@/lib/db/saturatingCounter";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { storeEvents } from "@/lib/ingest/storeEvents";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { buildUnrealCrash, harborReportFiles, unrealContextXml } from "@/lib/sentry/__fixtures__/buildUnrealCrash";
import { revokeIngestKey } from "@/lib/projects/revokeIngestKey";

/**
 * Hostile and odd requests against every ingest path and every API: wrong bytes, encodings, sizes,
 * depths, types, ids, auth forms, cookies, query parameters and cross-site requests. Each is
 * answered with its documented status and changes nothing in the database (compared row by row,
 * see dbSnapshot.ts). The odd-but-valid ones at the end are stored, with NUL and lone surrogates
 * replaced by U+FFFD.
 */
interface Ctx {
  t: Tenant;
  other: Tenant;
  admin: string;
  member: string;
  viewer: string;
  groupId: string;
  otherGroupId: string;
  channelId: string;
  revokedKey: string;
}

interface Req {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

interface Case {
  name: string;
  status: number;
  /** A fragment the error body must contain (the field path of a 422, or the message). */
  names?: string;
  req: (c: Ctx) => Req;
}

const R = "\uFFFD";
const MIB = 1024 * 1024;
const ok = { type: "Error", message: "fine" };
const big = (bytes: number) => "x".repeat(bytes);
const rand = () => randomUUID();
/** An issue-list cursor made by hand in its format (base64url of `1|sort|order|value|id`), with a value the server must refuse. */
const forgedCursor = (sort: string, value: string) => Buffer.from(`1|${sort}|desc|${value}|${randomUUID()}`).toString("base64url");

const ingest = (c: Ctx, body: unknown, headers: Record<string, string> = {}): Req => ({
  method: "POST",
  path: "/api/v1/events",
  headers: { "content-type": "application/json", "x-faultline-key": c.t.key, ...headers },
  body: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
});
const executions = (c: Ctx, body: unknown, headers: Record<string, string> = {}): Req => ({
  method: "POST",
  path: "/api/v1/executions",
  headers: { "content-type": "application/json", "x-faultline-key": c.t.key, ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const store = (c: Ctx, body: string | Buffer, query = `sentry_key=${c.t.key}`, headers: Record<string, string> = {}, project: string | number = c.t.projectPublicId): Req => ({
  method: "POST",
  path: `/api/${project}/store/${query ? `?${query}` : ""}`,
  headers: { "content-type": "application/json", ...headers },
  body,
});
const env = (c: Ctx, body: string | Buffer, query = `sentry_key=${c.t.key}&sentry_version=7`, headers: Record<string, string> = {}): Req => ({
  method: "POST",
  path: `/api/${c.t.projectPublicId}/envelope/${query ? `?${query}` : ""}`,
  headers,
  body,
});
const minidump = (c: Ctx, upload: { body: Buffer; contentType: string }, query = `sentry_key=${c.t.key}`): Req => ({
  method: "POST",
  path: `/api/${c.t.projectPublicId}/minidump/${query ? `?${query}` : ""}`,
  headers: { "content-type": upload.contentType },
  body: upload.body,
});
const unreal = (c: Ctx, body: Buffer, key = c.t.key): Req => ({
  method: "POST",
  path: `/api/${c.t.projectPublicId}/unreal/${encodeURIComponent(key)}/?AppID=CrashReporter&UploadType=crashreports`,
  headers: { "content-type": "application/octet-stream" },
  body,
});
const security = (c: Ctx, body: string, query = `sentry_key=${c.t.key}`): Req => ({
  method: "POST",
  path: `/api/${c.t.projectPublicId}/security/${query ? `?${query}` : ""}`,
  headers: { "content-type": "application/csp-report" },
  body,
});
const api = (method: string, path: string, cookie: string | undefined, body?: unknown, headers: Record<string, string> = {}): Req => ({
  method,
  path,
  headers: { ...(cookie && { cookie }), ...(body !== undefined && { "content-type": "application/json" }), ...headers },
  body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
});
const commitsPath = (c: Ctx, release = "web@1.0.0") => `/api/v1/projects/${c.t.projectId}/releases/${encodeURIComponent(release)}/commits`;
const eventEnvelope = (c: Ctx, header: Record<string, unknown> = {}) => envelope({ event_id: newEventId(), ...header }, [{ type: "event", payload: errorEvent(newEventId()) }]);

const CASES: Case[] = [
  // ── Native ingest: POST /api/v1/events ──────────────────────────────────────────────────────
  { name: "events: no key", status: 401, req: (c) => ({ ...ingest(c, ok), headers: { "content-type": "application/json" } }) },
  { name: "events: unknown key", status: 401, req: (c) => ingest(c, ok, { "x-faultline-key": "0".repeat(32) }) },
  { name: "events: overlong key", status: 401, req: (c) => ingest(c, ok, { "x-faultline-key": "k".repeat(5000) }) },
  { name: "events: revoked key", status: 401, req: (c) => ingest(c, ok, { "x-faultline-key": c.revokedKey }) },
  { name: "events: Basic auth instead of a key", status: 401, req: (c) => ({ ...ingest(c, ok), headers: { "content-type": "application/json", authorization: "Basic dXNlcjpwYXNz" } }) },
  { name: "events: key for another project", status: 403, req: (c) => ingest(c, ok, { "x-faultline-project": c.other.projectId }) },
  { name: "events: malformed JSON", status: 400, req: (c) => ingest(c, '{"type": "Error", ') },
  { name: "events: empty body", status: 400, req: (c) => ingest(c, "") },
  { name: "events: raw NUL bytes between tokens", status: 400, req: (c) => ingest(c, '{"type":\u0000"Error"}') },
  { name: "events: UTF-16 encoded body", status: 400, req: (c) => ingest(c, Buffer.from(`\uFEFF${JSON.stringify(ok)}`, "utf16le")) },
  { name: "events: JSON null", status: 422, req: (c) => ingest(c, "null") },
  { name: "events: JSON number", status: 422, req: (c) => ingest(c, "42") },
  { name: "events: JSON string", status: 422, req: (c) => ingest(c, '"an event"') },
  { name: "events: missing type", status: 422, names: "type", req: (c) => ingest(c, { message: "no type" }) },
  { name: "events: blank type", status: 422, names: "type", req: (c) => ingest(c, { type: "   " }) },
  { name: "events: type is an object", status: 422, names: "type", req: (c) => ingest(c, { type: { toString: "x" } }) },
  { name: "events: type over 256 characters", status: 422, names: "type", req: (c) => ingest(c, { type: big(257) }) },
  { name: "events: wrong severity", status: 422, names: "severity", req: (c) => ingest(c, { ...ok, severity: "apocalyptic" }) },
  { name: "events: bad occurredAt", status: 422, names: "occurredAt", req: (c) => ingest(c, { ...ok, occurredAt: "yesterday" }) },
  { name: "events: path traversal in eventId", status: 422, names: "eventId", req: (c) => ingest(c, { ...ok, eventId: "../../etc/passwd" }) },
  { name: "events: eventId of 129 characters", status: 422, names: "eventId", req: (c) => ingest(c, { ...ok, eventId: "e".repeat(129) }) },
  { name: "events: negative credits", status: 422, names: "impact.creditsLost", req: (c) => ingest(c, { ...ok, impact: { creditsLost: -5 } }) },
  { name: "events: credits as a numeric string", status: 422, names: "impact.creditsLost", req: (c) => ingest(c, { ...ok, impact: { creditsLost: "5" } }) },
  { name: "events: recovery without outcome", status: 422, names: "recovery.recovered", req: (c) => ingest(c, { ...ok, recovery: { method: "retry" } }) },
  { name: "events: stackTrace of wrong type", status: 422, names: "stackTrace", req: (c) => ingest(c, { ...ok, stackTrace: 42 }) },
  { name: "events: 501 structured frames", status: 422, names: "stackTrace", req: (c) => ingest(c, { ...ok, stackTrace: Array.from({ length: 501 }, () => ({ function: "f" })) }) },
  { name: "events: tags not an object", status: 422, names: "tags", req: (c) => ingest(c, { ...ok, tags: ["a"] }) },
  { name: "events: nested tag value", status: 422, names: "tags", req: (c) => ingest(c, { ...ok, tags: { a: { b: 1 } } }) },
  { name: "events: fingerprint of 21 parts", status: 422, names: "fingerprint", req: (c) => ingest(c, { ...ok, fingerprint: Array.from({ length: 21 }, (_, i) => `p${i}`) }) },
  { name: "events: events not an array", status: 422, names: "events", req: (c) => ingest(c, { events: "nope" }) },
  { name: "events: empty batch", status: 422, names: "events", req: (c) => ingest(c, []) },
  { name: "events: batch all invalid", status: 422, names: "events[1].type", req: (c) => ingest(c, [{ type: 1 }, { message: "x" }]) },
  { name: "events: batch over 1,000 events", status: 413, req: (c) => ingest(c, Array.from({ length: 1001 }, () => ok)) },
  { name: "events: single event over 1 MiB", status: 413, req: (c) => ingest(c, { ...ok, context: { blob: big(1_100_000) } }) },
  { name: "events: body over 10 MiB", status: 413, req: (c) => ingest(c, [{ ...ok, context: { blob: big(11 * MIB) } }]) },
  { name: "events: unknown content encoding", status: 415, req: (c) => ingest(c, ok, { "content-encoding": "compress" }) },
  { name: "events: corrupt gzip", status: 400, req: (c) => ingest(c, "not gzip at all", { "content-encoding": "gzip" }) },
  { name: "events: truncated gzip", status: 400, req: (c) => ingest(c, zlib.gzipSync(JSON.stringify(ok)).subarray(0, 12), { "content-encoding": "gzip" }) },
  { name: "events: wrong content type", status: 415, req: (c) => ingest(c, ok, { "content-type": "text/csv" }) },
  { name: "events: gzip bomb", status: 413, req: (c) => ingest(c, zlib.gzipSync(Buffer.alloc(64 * MIB, 0x20)), { "content-encoding": "gzip" }) },
  { name: "events: prototype pollution keys", status: 422, names: "type", req: (c) => ingest(c, '{"__proto__": {"admin": true}, "constructor": {}}') },
  { name: "events: 5,000-deep nesting", status: 422, names: "events[0]", req: (c) => ingest(c, "[".repeat(5000) + "]".repeat(5000)) },
  { name: "events: 100,000-deep context", status: 413, req: (c) => ingest(c, `{"type":"E","context":{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}},"pad":"${big(MIB)}"}`) },

  // ── Native ingest: POST /api/v1/executions ──────────────────────────────────────────────────
  { name: "executions: no key", status: 401, req: (c) => ({ ...executions(c, { ok: 1 }), headers: { "content-type": "application/json" } }) },
  { name: "executions: malformed JSON", status: 400, req: (c) => executions(c, "{") },
  { name: "executions: negative count", status: 422, names: "counts[0].ok", req: (c) => executions(c, { ok: -1 }) },
  { name: "executions: year 0000", status: 422, names: "counts[0].at", req: (c) => executions(c, { at: "0000-01-01T00:00:00Z", ok: 1 }) },
  { name: "executions: unknown field", status: 422, names: "counts[0]", req: (c) => executions(c, { ok: 1, admin: true }) },
  { name: "executions: 1,001 counts", status: 422, names: "counts", req: (c) => executions(c, { counts: Array.from({ length: 1001 }, () => ({ ok: 1 })) }) },
  { name: "executions: wrong content type", status: 415, req: (c) => executions(c, { ok: 1 }, { "content-type": "application/xml" }) },

  // ── Sentry store: POST /api/:project/store/ ────────────────────────────────────────────────
  { name: "store: unknown project", status: 404, req: (c) => store(c, errorEvent(newEventId()), `sentry_key=${c.t.key}`, {}, 999_999_999) },
  { name: "store: non-numeric project", status: 404, req: (c) => store(c, errorEvent(newEventId()), `sentry_key=${c.t.key}`, {}, "%00abc") },
  { name: "store: no key", status: 401, req: (c) => store(c, errorEvent(newEventId()), "") },
  { name: "store: key of another project", status: 403, req: (c) => store(c, errorEvent(newEventId()), `sentry_key=${c.other.key}`) },
  { name: "store: header and query keys disagree", status: 400, names: "header X-Sentry-Auth", req: (c) => store(c, errorEvent(newEventId()), `sentry_key=${c.t.key}`, { "x-sentry-auth": `Sentry sentry_key=${c.other.key}` }) },
  { name: "store: invalid JSON", status: 400, req: (c) => store(c, "{]") },
  { name: "store: a JSON array", status: 400, names: '"field":"body"', req: (c) => store(c, "[1,2]") },
  { name: "store: over 1 MiB", status: 413, req: (c) => store(c, errorEvent(newEventId(), { extra: { blob: big(1.2 * MIB) } })) },
  { name: "store: corrupt deflate", status: 400, req: (c) => store(c, "xx", `sentry_key=${c.t.key}`, { "content-encoding": "deflate" }) },

  // ── Sentry envelope: POST /api/:project/envelope/ ──────────────────────────────────────────
  { name: "envelope: empty body", status: 400, names: '"field":"body"', req: (c) => env(c, "") },
  { name: "envelope: header not JSON", status: 400, req: (c) => env(c, "not json\n{}") },
  { name: "envelope: item length beyond the body", status: 400, names: '"field":"items[0].length"', req: (c) => env(c, `{}\n{"type":"event","length":500}\n{}`) },
  { name: "envelope: negative item length", status: 400, names: '"field":"items[0].length"', req: (c) => env(c, `{}\n{"type":"event","length":-1}\n{}`) },
  { name: "envelope: item length shorter than its payload", status: 400, names: '"field":"items[0].length"', req: (c) => env(c, `{}\n{"type":"event","length":1}\n{}\n`) },
  { name: "envelope: item length as text", status: 400, names: '"field":"items[0].length"', req: (c) => env(c, `{}\n{"type":"event","length":"2"}\n{}\n`) },
  { name: "envelope: event payload a JSON array", status: 400, names: '"field":"items[0]"', req: (c) => env(c, envelope({}, [{ type: "event", payload: "[1,2]" }])) },
  { name: "envelope: event payload not JSON", status: 400, req: (c) => env(c, envelope({}, [{ type: "event", payload: "{nope" }])) },
  { name: "envelope: item without type", status: 400, names: '"field":"items[0].type"', req: (c) => env(c, `{}\n{"length":2}\n{}`) },
  { name: "envelope: an event item over 1 MiB (first item a valid session)", status: 413, req: (c) => env(c, envelope({}, [{ type: "session", payload: JSON.stringify({ sid: newEventId(), status: "exited", started: new Date().toISOString(), attrs: { release: "big@1" } }) }, { type: "event", payload: errorEvent(newEventId(), { extra: { blob: big(1.2 * MIB) } }) }])) },
  { name: "envelope: over 1,000 items", status: 413, req: (c) => env(c, envelope({}, Array.from({ length: 1001 }, () => ({ type: "span", payload: "{}" })))) },
  { name: "envelope: dsn names another key", status: 400, names: "envelope dsn", req: (c) => env(c, eventEnvelope(c, { dsn: `http://${c.other.key}@127.0.0.1/${c.t.projectPublicId}` })) },
  { name: "envelope: revoked key", status: 403, req: (c) => env(c, eventEnvelope(c), `sentry_key=${c.revokedKey}`) },
  { name: "envelope: no key anywhere", status: 401, req: (c) => env(c, eventEnvelope(c), "") },
  { name: "envelope: gzip bomb", status: 413, req: (c) => env(c, zlib.gzipSync(Buffer.alloc(64 * MIB, 0x20)), undefined, { "content-encoding": "gzip" }) },

  // ── Sentry minidump and security: POST /api/:project/minidump/ and /security/ ─────────────────
  { name: "minidump: no key", status: 401, req: (c) => minidump(c, minidumpUpload({}, Buffer.from("MDMP")), "") },
  { name: "minidump: not multipart", status: 400, req: (c) => ({ ...minidump(c, minidumpUpload({}, null)), headers: { "content-type": "application/octet-stream" } }) },
  { name: "minidump: multipart without a boundary", status: 400, req: (c) => ({ ...minidump(c, minidumpUpload({}, null)), headers: { "content-type": "multipart/form-data" } }) },
  { name: "minidump: no dump field", status: 400, names: '"field":"upload_file_minidump"', req: (c) => minidump(c, minidumpUpload({ "sentry[release]": "x" }, null)) },
  { name: "minidump: garbage in the dump field", status: 400, names: '"field":"upload_file_minidump"', req: (c) => minidump(c, minidumpUpload({}, Buffer.concat([Buffer.from("MDMP"), Buffer.alloc(4096, 0xff)]).subarray(1))) },
  { name: "minidump: broken sentry JSON", status: 400, req: (c) => minidump(c, minidumpUpload({ sentry: "{]" }, buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 0n, pc: 0x1010n, modules: [] }))) },
  { name: "minidump: gzip bomb", status: 413, req: (c) => ({ ...minidump(c, minidumpUpload({}, null)), body: zlib.gzipSync(Buffer.alloc(64 * MIB, 0x20)), headers: { "content-type": "multipart/form-data; boundary=b", "content-encoding": "gzip" } }) },
  // ── Unreal Engine crash reports: POST /api/:project/unreal/:key/ ─────────────────────────────
  { name: "unreal: wrong key", status: 403, req: (c) => unreal(c, buildUnrealCrash({ files: harborReportFiles() }), "not-a-key") },
  { name: "unreal: not zlib", status: 400, names: "body", req: (c) => unreal(c, Buffer.from("MDMP and more")) },
  { name: "unreal: zlib of garbage", status: 400, names: "body", req: (c) => unreal(c, zlib.deflateSync(Buffer.alloc(2048, 0xff))) },
  { name: "unreal: zlib of zeros (a report of no files)", status: 400, names: '"field":"body"', req: (c) => unreal(c, zlib.deflateSync(Buffer.alloc(32))) },
  { name: "unreal: a report without its CrashContext", status: 400, names: "no CrashContext", req: (c) => unreal(c, buildUnrealCrash({ files: [{ name: "Game.log", data: Buffer.from("LogInit: started") }] })) },
  { name: "unreal: file length past the end", status: 400, names: "body", req: (c) => unreal(c, zlib.deflateSync(zlib.inflateSync(buildUnrealCrash({ files: harborReportFiles() })).subarray(0, 900))) },
  { name: "unreal: decompression bomb", status: 413, names: "body", req: (c) => unreal(c, buildUnrealCrash({ files: [{ name: "a.log", data: Buffer.alloc(80 * MIB, 0x20) }] })) },
  { name: "security: no key", status: 401, req: (c) => security(c, '{"csp-report": {}}', "") },
  { name: "security: invalid JSON", status: 400, req: (c) => security(c, "{]") },
  { name: "security: not a report", status: 400, req: (c) => security(c, '{"hello": "world"}') },
  { name: "security: over 1 MiB", status: 413, req: (c) => security(c, JSON.stringify({ "csp-report": { "script-sample": big(1.2 * MIB) } })) },

  // ── Sessions and cookies ────────────────────────────────────────────────────────────────────
  { name: "me: cookie that is not percent-encoding", status: 401, req: () => api("GET", "/api/v1/me", "faultline_session=%") },
  { name: "me: cookie with a broken escape", status: 401, req: () => api("GET", "/api/v1/me", "faultline_session=%E0%A4%A") },
  { name: "me: cookie of the wrong shape", status: 401, req: () => api("GET", "/api/v1/me", `faultline_session=${"a".repeat(5000)}`) },
  { name: "me: cookie with Latin-1 bytes", status: 401, req: () => api("GET", "/api/v1/me", "faultline_session=caf\u00e9") },
  { name: "me: unknown well-formed token", status: 401, req: () => api("GET", "/api/v1/me", `faultline_session=${"A".repeat(43)}`) },
  { name: "errors: Bearer with a huge token", status: 401, req: () => api("GET", "/api/v1/errors", undefined, undefined, { authorization: `Bearer ${big(5000)}` }) },
  { name: "login: body not JSON", status: 400, req: () => api("POST", "/api/v1/auth/login", undefined, "email=a&password=b") },
  { name: "login: body is an array", status: 422, req: () => api("POST", "/api/v1/auth/login", undefined, []) },
  { name: "login: email of 10,000 characters", status: 422, names: "email", req: () => api("POST", "/api/v1/auth/login", undefined, { email: big(10_000), password: "x" }) },
  { name: "login: cross-site form post", status: 403, req: (c) => api("POST", "/api/v1/auth/login", undefined, { email: c.t.admin.email, password: c.t.admin.password }, { "sec-fetch-site": "cross-site" }) },
  { name: "logout: cross-site", status: 403, req: (c) => api("POST", "/api/v1/auth/logout", c.admin, undefined, { origin: "https://evil.example" }) },

  // ── Query parameters ────────────────────────────────────────────────────────────────────────
  { name: "errors: since year 0000", status: 422, names: "since", req: (c) => api("GET", "/api/v1/errors?since=0000-01-01T00:00:00Z", c.admin) },
  { name: "errors: page -1", status: 422, names: "page", req: (c) => api("GET", "/api/v1/errors?page=-1", c.admin) },
  { name: "errors: pageSize 1e999", status: 422, names: "pageSize", req: (c) => api("GET", "/api/v1/errors?pageSize=1e999", c.admin) },
  { name: "errors: sort __proto__", status: 422, names: "sort", req: (c) => api("GET", "/api/v1/errors?sort=__proto__", c.admin) },
  { name: "errors: cursor at year 0000", status: 422, names: "cursor", req: (c) => api("GET", `/api/v1/errors?cursor=${forgedCursor("lastSeen", "0000-01-01T00:00:00.000Z")}`, c.admin) },
  { name: "errors: cursor past a 4-byte count", status: 422, names: "cursor", req: (c) => api("GET", `/api/v1/errors?sort=occurrences&cursor=${forgedCursor("occurrences", "99999999999")}`, c.admin) },
  { name: "errors: cursor and page", status: 422, names: "page", req: (c) => api("GET", `/api/v1/errors?page=1&cursor=${forgedCursor("lastSeen", "2026-01-01T00:00:00.000Z")}`, c.admin) },
  { name: "errors: workspaceId not a UUID", status: 422, names: "workspaceId", req: (c) => api("GET", "/api/v1/errors?workspaceId=1%20OR%201=1", c.admin) },
  { name: "errors: unknown severity in a list", status: 422, names: "severity", req: (c) => api("GET", "/api/v1/errors?severity=high,,bogus", c.admin) },
  { name: "errors: NUL and a broken surrogate in q", status: 200, req: (c) => api("GET", "/api/v1/errors?q=%00%ED%A0%80x", c.admin) },
  { name: "errors: assigned: 36 hex digits, no dashes", status: 422, names: "query", req: (c) => api("GET", `/api/v1/errors?query=${encodeURIComponent("assigned:0123456789abcdef0123456789abcdef0123")}`, c.admin) },
  { name: "errors: assigned: a team of 36 dashes", status: 422, names: "query", req: (c) => api("GET", `/api/v1/errors?query=${encodeURIComponent(`assigned:#${"-".repeat(36)}`)}`, c.admin) },
  { name: "errors: another workspace", status: 404, req: (c) => api("GET", `/api/v1/errors?workspaceId=${c.other.workspaceId}`, c.admin) },
  { name: "error: id not a UUID", status: 404, req: (c) => api("GET", "/api/v1/errors/%00", c.admin) },
  { name: "error: another workspace's group", status: 404, req: (c) => api("GET", `/api/v1/errors/${c.otherGroupId}`, c.admin) },
  { name: "tracking: workspace id not a UUID", status: 404, req: (c) => api("GET", "/api/v1/workspaces/abc/error-tracking", c.admin) },
  { name: "tracking: another workspace", status: 404, req: (c) => api("GET", `/api/v1/workspaces/${c.other.workspaceId}/error-tracking`, c.admin) },
  { name: "tracking: timeframe 1y", status: 422, names: "timeframe", req: (c) => api("GET", `/api/v1/workspaces/${c.t.workspaceId}/error-tracking?timeframe=1y`, c.admin) },
  { name: "tracking: projectId not a UUID", status: 422, names: "projectId", req: (c) => api("GET", `/api/v1/workspaces/${c.t.workspaceId}/error-tracking?projectId=1%27--`, c.admin) },
  { name: "tracking: another workspace's project", status: 422, names: "projectId", req: (c) => api("GET", `/api/v1/workspaces/${c.t.workspaceId}/error-tracking?projectId=${c.other.projectId}`, c.admin) },
  { name: "report: another workspace's project", status: 422, names: "projectId", req: (c) => api("GET", `/api/v1/workspaces/${c.t.workspaceId}/report?projectId=${c.other.projectId}`, c.admin) },
  { name: "notification settings: mutedProjectIds not a list", status: 422, names: "mutedProjectIds", req: (c) => api("PATCH", "/api/v1/account/notifications", c.admin, { mutedProjectIds: "all" }) },
  { name: "notification settings: another workspace's project muted", status: 422, names: "mutedProjectIds[0]", req: (c) => api("PATCH", "/api/v1/account/notifications", c.admin, { mutedProjectIds: [c.other.projectId] }) },
  { name: "alerts: unknown status filter", status: 422, names: "status", req: (c) => api("GET", `/api/v1/workspaces/${c.t.workspaceId}/alerts?status=exploded`, c.admin) },
  { name: "deliveries: channelId not a UUID", status: 422, names: "channelId", req: (c) => api("GET", `/api/v1/workspaces/${c.t.workspaceId}/deliveries?channelId=x`, c.admin) },
  { name: "metrics: no token", status: 401, req: () => api("GET", "/api/metrics", undefined) },

  // ── Mutations: ids, types, roles, CSRF ──────────────────────────────────────────────────────
  { name: "error: PATCH unknown id", status: 404, req: (c) => api("PATCH", `/api/v1/errors/${rand()}`, c.admin, { status: "resolved" }) },
  { name: "error: PATCH bad status", status: 422, names: "status", req: (c) => api("PATCH", `/api/v1/errors/${c.groupId}`, c.admin, { status: "exploded" }) },
  { name: "error: PATCH empty object", status: 422, req: (c) => api("PATCH", `/api/v1/errors/${c.groupId}`, c.admin, {}) },
  { name: "error: PATCH unknown field", status: 422, req: (c) => api("PATCH", `/api/v1/errors/${c.groupId}`, c.admin, { status: "resolved", occurrenceCount: 0 }) },
  { name: "error: PATCH as viewer", status: 403, req: (c) => api("PATCH", `/api/v1/errors/${c.groupId}`, c.viewer, { status: "resolved" }) },
  { name: "error: PATCH with an ingest key", status: 401, req: (c) => api("PATCH", `/api/v1/errors/${c.groupId}`, undefined, { status: "resolved" }, { "x-faultline-key": c.t.key }) },
  { name: "error: PATCH cross-site (Sec-Fetch-Site)", status: 403, req: (c) => api("PATCH", `/api/v1/errors/${c.groupId}`, c.admin, { status: "resolved" }, { "sec-fetch-site": "cross-site" }) },
  { name: "error: PATCH cross-site (Origin)", status: 403, req: (c) => api("PATCH", `/api/v1/errors/${c.groupId}`, c.admin, { status: "resolved" }, { origin: "https://evil.example" }) },
  { name: "error: PATCH from an opaque origin", status: 403, req: (c) => api("PATCH", `/api/v1/errors/${c.groupId}`, c.admin, { status: "resolved" }, { origin: "null" }) },
  { name: "channel: ftp URL", status: 422, names: "config.url", req: (c) => api("POST", `/api/v1/workspaces/${c.t.workspaceId}/channels`, c.admin, { name: "x", kind: "webhook", config: { url: "ftp://example.com" } }) },
  { name: "channel: header injection", status: 422, names: "config.headers", req: (c) => api("POST", `/api/v1/workspaces/${c.t.workspaceId}/channels`, c.admin, { name: "x", kind: "webhook", config: { url: "https://example.com", headers: { "X-A": "a\r\nHost: evil" } } }) },
  { name: "channel: overriding the signature header", status: 422, names: "config.headers", req: (c) => api("POST", `/api/v1/workspaces/${c.t.workspaceId}/channels`, c.admin, { name: "x", kind: "webhook", config: { url: "https://example.com", headers: { "X-Faultline-Signature": "forged" } } }) },
  { name: "channel: unknown kind", status: 422, names: "kind", req: (c) => api("POST", `/api/v1/workspaces/${c.t.workspaceId}/channels`, c.admin, { name: "x", kind: "carrier-pigeon", config: {} }) },
  { name: "channel: created by a member", status: 403, req: (c) => api("POST", `/api/v1/workspaces/${c.t.workspaceId}/channels`, c.member, { name: "x", kind: "slack", config: { url: "https://hooks.slack.com/services/x" } }) },
  { name: "channel: created cross-site", status: 403, req: (c) => api("POST", `/api/v1/workspaces/${c.t.workspaceId}/channels`, c.admin, { name: "x", kind: "slack", config: { url: "https://hooks.slack.com/services/x" } }, { "sec-fetch-site": "same-site" }) },
  { name: "channel: PATCH id not a UUID", status: 404, req: (c) => api("PATCH", "/api/v1/channels/..%2F..%2Fetc", c.admin, { name: "x" }) },
  { name: "channel: DELETE cross-site", status: 403, req: (c) => api("DELETE", `/api/v1/channels/${c.channelId}`, c.admin, undefined, { origin: "https://evil.example" }) },
  { name: "channel: test of an unknown channel", status: 404, req: (c) => api("POST", `/api/v1/channels/${rand()}/test`, c.admin) },
  { name: "channel: test by a viewer", status: 403, req: (c) => api("POST", `/api/v1/channels/${c.channelId}/test`, c.viewer) },
  { name: "rule: negative threshold", status: 422, names: "threshold", req: (c) => api("POST", `/api/v1/workspaces/${c.t.workspaceId}/alert-rules`, c.admin, { name: "r", kind: "severity_count", threshold: -1, windowSeconds: 60 }) },
  { name: "rule: threshold as a string", status: 422, names: "threshold", req: (c) => api("POST", `/api/v1/workspaces/${c.t.workspaceId}/alert-rules`, c.admin, { name: "r", kind: "severity_count", threshold: "5", windowSeconds: 60 }) },
  { name: "rule: PATCH unknown id", status: 404, req: (c) => api("PATCH", `/api/v1/alert-rules/${rand()}`, c.admin, { enabled: false }) },
  { name: "alert: PATCH unknown id", status: 404, req: (c) => api("PATCH", `/api/v1/alerts/${rand()}`, c.admin, { status: "resolved" }) },
  { name: "keys: blank name", status: 422, names: "name", req: (c) => api("POST", `/api/v1/projects/${c.t.projectId}/keys`, c.admin, { name: " " }) },
  { name: "keys: created by a viewer", status: 403, req: (c) => api("POST", `/api/v1/projects/${c.t.projectId}/keys`, c.viewer, { name: "k" }) },
  { name: "keys: DELETE unknown key", status: 404, req: (c) => api("DELETE", `/api/v1/projects/${c.t.projectId}/keys/${rand()}`, c.admin) },
  { name: "project: another workspace's", status: 404, req: (c) => api("GET", `/api/v1/projects/${c.other.projectId}`, c.admin) },

  // ── Found by probing the running app: were 500s, unclear, or cut silently ──────────────────────
  { name: "events: batch over 1 MiB holding an event nested 1,000,000 deep", status: 413, names: "events[1]", req: (c) => ingest(c, `[{"type":"E"},${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}]`) },
  { name: "events: a frame's bad lineno, named inside the text-or-frames union", status: 422, names: "stackTrace[0].lineno", req: (c) => ingest(c, { ...ok, stackTrace: [{ function: "f", lineno: -5 }] }) },
  { name: "envelope: item length 1e400", status: 400, names: "Infinity", req: (c) => env(c, `{}\n{"type":"event","length":1e400}\n{}`) },
  { name: "envelope: project id that is not percent-encoded UTF-8", status: 400, names: "path", req: (c) => ({ method: "POST", path: `/api/%FF/envelope/?sentry_key=${c.t.key}`, body: eventEnvelope(c) }) },
  { name: "error: id that is not percent-encoded UTF-8", status: 400, names: "path", req: (c) => api("GET", "/api/v1/errors/%ED%A0%80", c.admin) },
  { name: "errors: search date before 1970", status: 422, names: "query", req: (c) => api("GET", `/api/v1/errors?workspaceId=${c.t.workspaceId}&query=${encodeURIComponent("lastSeen:<0000-01-01")}`, c.admin) },
  { name: "saved search: date before 1970", status: 422, names: "query", req: (c) => api("POST", `/api/v1/workspaces/${c.t.workspaceId}/saved-searches`, c.admin, { name: "ancient", query: "lastSeen:<0000-01-01" }) },
  { name: "sourcemaps: NUL in the release filter", status: 200, req: (c) => api("GET", `/api/v1/projects/${c.t.projectId}/sourcemaps?release=%00`, c.admin) },
  { name: "release commits: NUL in the version path", status: 200, req: (c) => api("GET", `/api/v1/projects/${c.t.projectId}/releases/a%00b/commits`, c.admin) },
  { name: "sentry-cli: NUL in a release version path", status: 404, names: "version", req: (c) => api("GET", `/api/0/organizations/${c.t.workspaceId}/releases/a%00b/`, c.admin) },
  { name: "sentry-cli: NUL in the organization", status: 404, names: "org", req: (c) => api("GET", "/api/0/organizations/a%00b/repos/", c.admin) },
  { name: "sentry-cli: chunk upload that is not multipart", status: 400, names: "content-type", req: (c) => api("POST", `/api/0/organizations/${c.t.workspaceId}/chunk-upload/`, c.member, undefined, { "content-type": "text/plain" }) },
  { name: "sentry-cli: a bundle of more chunks than its size allows", status: 422, names: "chunks", req: (c) => api("POST", `/api/0/organizations/${c.t.workspaceId}/artifactbundle/assemble/`, c.member, { checksum: "a".repeat(40), chunks: Array.from({ length: 9 }, () => "a".repeat(40)), projects: [c.t.projectId] }) },
  { name: "events: proguardUuids that are not UUIDs", status: 422, names: "proguardUuids[0]", req: (c) => ingest(c, { ...ok, proguardUuids: ["../../etc/passwd"] }) },
  { name: "events: 17 proguardUuids", status: 422, names: "proguardUuids", req: (c) => ingest(c, { ...ok, proguardUuids: Array.from({ length: 17 }, () => "0e5f6c7a-1b2c-5d3e-8f40-5a6b7c8d9e0f") }) },
  { name: "events: jvmSourceBundles that are not UUIDs", status: 422, names: "jvmSourceBundles[0]", req: (c) => ingest(c, { ...ok, jvmSourceBundles: [{ id: 1 }] }) },
  { name: "source bundles: DELETE an id that is not a UUID", status: 422, names: "debugId", req: (c) => api("DELETE", `/api/v1/projects/${c.t.projectId}/source-bundles/..%2F..%2Fetc`, c.member) },
  { name: "proguard: a body that is not a mapping", status: 422, names: "body", req: (c) => api("POST", `/api/v1/projects/${c.t.projectId}/proguard`, c.member, "<html>not a mapping</html>", { "content-type": "text/plain" }) },
  { name: "proguard: a uuid that is not one", status: 422, names: "uuid", req: (c) => api("POST", `/api/v1/projects/${c.t.projectId}/proguard?uuid=1%27%20OR%201=1`, c.member, "a.B -> a:\n", { "content-type": "text/plain" }) },
  { name: "proguard: uploaded by a viewer", status: 403, req: (c) => api("POST", `/api/v1/projects/${c.t.projectId}/proguard`, c.viewer, "a.B -> a:\n", { "content-type": "text/plain" }) },
  { name: "proguard: another workspace's project", status: 404, req: (c) => api("POST", `/api/v1/projects/${c.other.projectId}/proguard`, c.member, "a.B -> a:\n", { "content-type": "text/plain" }) },
  { name: "native-symbols: a body that is not a symbol file", status: 422, names: "body", req: (c) => api("POST", `/api/v1/projects/${c.t.projectId}/native-symbols`, c.member, "MODULE x", { "content-type": "text/plain" }) },
  { name: "native-symbols: uploaded by a viewer", status: 403, req: (c) => api("POST", `/api/v1/projects/${c.t.projectId}/native-symbols`, c.viewer, "MODULE Linux x86_64 3E5A0E68D4BE8E6F2F011BF9C5C8F5B30 a\n", { "content-type": "text/plain" }) },
  { name: "native-symbols: DELETE with a debug ID that is not one", status: 404, req: (c) => api("DELETE", `/api/v1/projects/${c.t.projectId}/native-symbols/%27%20OR%201=1`, c.member) },
  { name: "events: nativeImages with an address that is not one", status: 422, names: "nativeImages[0].imageAddr", req: (c) => ingest(c, { ...ok, nativeImages: [{ debugId: "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3", imageAddr: "12; DROP TABLE" }] }) },
  { name: "proguard: DELETE a mapping never uploaded", status: 404, req: (c) => api("DELETE", `/api/v1/projects/${c.t.projectId}/proguard/${rand()}`, c.member) },
  { name: "sentry-cli: difs assemble keyed by what is not a SHA-1", status: 422, names: "not-a-sha", req: (c) => api("POST", `/api/0/projects/${c.t.workspaceId}/${c.t.projectId}/files/difs/assemble/`, c.member, { "not-a-sha": { name: "m.txt", chunks: ["a".repeat(40)] } }) },
  { name: "sentry-cli: difs assemble of more chunks than a mapping's size allows", status: 422, names: "chunks", req: (c) => api("POST", `/api/0/projects/${c.t.workspaceId}/${c.t.projectId}/files/difs/assemble/`, c.member, { ["a".repeat(40)]: { name: "m.txt", chunks: Array.from({ length: 9 }, () => "a".repeat(40)) } }) },
  { name: "sentry-cli: difs assemble into another workspace's project", status: 404, names: "projects[0]", req: (c) => api("POST", `/api/0/projects/${c.t.workspaceId}/${c.other.projectId}/files/difs/assemble/`, c.member, { ["a".repeat(40)]: { name: "m.txt", chunks: ["a".repeat(40)] } }) },
  { name: "sentry-cli: commits with a NUL in a path", status: 404, names: "version", req: (c) => api("PUT", `/api/0/organizations/${c.t.workspaceId}/releases/never-declared/`, c.member, { commits: [{ id: "abcdef1", patch_set: [{ path: "a\u0000b" }] }] }) },
  { name: "minidump: 1,001 form parts", status: 413, names: "1000 parts", req: (c) => minidump(c, minidumpUpload(Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}`, "v"])), buildMinidump({ arch: 9, platform: 0x8201, exceptionCode: 11, address: 0n, pc: 0x1010n, modules: [] }))) },

  // ── Second audit: unknown paths, wrong methods, body shape, disagreeing keys, charsets ───────
  { name: "unknown API path (GET)", status: 404, names: '"path":"/api/v1/nope"', req: (c) => api("GET", "/api/v1/nope", c.admin) },
  { name: "unknown API path (POST, with an ingest key)", status: 404, names: '"path":"/api/zzz"', req: (c) => ({ ...ingest(c, ok), path: "/api/zzz" }) },
  { name: "unknown API path under a Sentry project", status: 404, names: "path", req: (c) => ({ ...env(c, eventEnvelope(c)), path: `/api/${c.t.projectPublicId}/envelopes/?sentry_key=${c.t.key}` }) },
  { name: "DELETE on a GET-only route", status: 405, names: '"allow":["GET","HEAD","OPTIONS"]', req: (c) => api("DELETE", "/api/health", c.admin) },
  { name: "GET on the native ingest endpoint", status: 405, names: '"method":"GET"', req: (c) => ({ ...ingest(c, ok), method: "GET", body: undefined }) },
  { name: "PUT on the envelope endpoint", status: 405, names: '"method":"PUT"', req: (c) => ({ ...env(c, eventEnvelope(c)), method: "PUT" }) },
  { name: "events: 10 MiB of tiny values (held the instance for seconds in JSON.parse)", status: 413, names: '"field":"events"', req: (c) => ingest(c, `[${"1,".repeat(5 * MIB - 2)}1]`) },
  { name: "events: a batch event nested 5 million deep", status: 413, names: '"field":"events[0]"', req: (c) => ingest(c, `${"[".repeat(5 * MIB)}${"]".repeat(5 * MIB)}`) },
  { name: "events: X-Faultline-Key and ?key= name different keys", status: 400, names: "query key", req: (c) => ({ ...ingest(c, ok), path: `/api/v1/events?key=${c.other.key}` }) },
  { name: "events: X-Faultline-Key and Bearer name different keys (both valid)", status: 400, names: "header Authorization", req: (c) => ingest(c, ok, { authorization: `Bearer ${c.other.key}` }) },
  { name: "events: X-Faultline-Key sent twice with different keys", status: 400, names: "header X-Faultline-Key", req: (c) => ingest(c, ok, { "x-faultline-key": `${c.t.key}, ${c.other.key}` }) },
  { name: "executions: X-Faultline-Key and Bearer name different keys", status: 400, names: "conflicting_credentials", req: (c) => executions(c, { ok: 1 }, { authorization: `Bearer ${c.revokedKey}` }) },
  { name: "errors (read with an ingest key): two different keys", status: 400, names: "conflicting_credentials", req: (c) => api("GET", `/api/v1/errors?projectId=${c.t.projectId}`, undefined, undefined, { "x-faultline-key": c.t.key, authorization: `Bearer ${c.other.key}` }) },
  { name: "envelope: X-Sentry-Auth and Authorization: Sentry disagree", status: 400, names: "header Authorization", req: (c) => env(c, eventEnvelope(c), "", { "x-sentry-auth": `Sentry sentry_key=${c.t.key}`, authorization: `Sentry sentry_key=${c.other.key}` }) },
  { name: "envelope: sentry_key twice in the query, different", status: 400, names: "query sentry_key", req: (c) => env(c, eventEnvelope(c), `sentry_key=${c.t.key}&sentry_key=${c.revokedKey}`) },
  { name: "cron: duration 1e400", status: 400, names: '"field":"duration"', req: (c) => ({ method: "GET", path: `/api/${c.t.projectPublicId}/cron/hostile-job/${c.t.key}/?status=ok&duration=1e400` }) },
  { name: "cron: negative duration", status: 400, names: '"field":"duration"', req: (c) => ({ method: "GET", path: `/api/${c.t.projectPublicId}/cron/hostile-job/${c.t.key}/?status=ok&duration=-5` }) },
  { name: "cron: a 300-character slug", status: 400, names: '"field":"monitor_slug"', req: (c) => ({ method: "GET", path: `/api/${c.t.projectPublicId}/cron/${"j".repeat(300)}/${c.t.key}/?status=ok` }) },
  { name: "cron: the path key and ?sentry_key= disagree", status: 400, names: "path key", req: (c) => ({ method: "GET", path: `/api/${c.t.projectPublicId}/cron/hostile-job/${c.t.key}/?status=ok&sentry_key=${c.other.key}` }) },
  { name: "events: charset=utf-32", status: 415, names: '"field":"charset"', req: (c) => ingest(c, ok, { "content-type": "application/json; charset=utf-32" }) },
  { name: "executions: charset=ebcdic", status: 415, names: "charset", req: (c) => executions(c, { ok: 1 }, { "content-type": "application/json; charset=ebcdic" }) },
  { name: "envelope: gzip bomb without Content-Encoding", status: 413, req: (c) => env(c, zlib.gzipSync(Buffer.alloc(64 * MIB, 0x20))) },
  // ── Third audit: release commits, linked issues, code mappings ───────────────────────────────
  { name: "code mapping: a repository address with a token in it", status: 422, names: "codeMappings[0].repositoryUrl", req: (c) => api("PATCH", `/api/v1/projects/${c.t.projectId}`, c.admin, { codeMappings: [{ stackRoot: "/srv/", repositoryUrl: "https://oauth2:glpat-secret@gitlab.com/acme/shop" }] }) },
  { name: "release commits: a sha that is not hexadecimal", status: 422, names: "commits[0].sha", req: (c) => api("PUT", commitsPath(c), c.member, { commits: [{ sha: "not-a-sha" }] }) },
  { name: "release commits: the body an array", status: 422, names: "input", req: (c) => api("PUT", commitsPath(c), c.member, [{ sha: "abcdef1" }]) },
  { name: "release commits: an unknown field", status: 422, names: "commits[0]", req: (c) => api("PUT", commitsPath(c), c.member, { commits: [{ sha: "abcdef1", patch: "diff --git" }] }) },
  { name: "release commits: a commit of the year 0000", status: 422, names: "commits[0].timestamp", req: (c) => api("PUT", commitsPath(c), c.member, { commits: [{ sha: "abcdef1", timestamp: "0000-01-01T00:00:00Z" }] }) },
  { name: "sentry-cli: a release dated in the year 0000", status: 422, names: "dateReleased", req: (c) => api("POST", `/api/0/organizations/${c.t.workspaceId}/releases/`, c.member, { version: "y0@1", projects: [c.t.projectId], dateReleased: "0000-01-01T00:00:00Z" }) },
  { name: "events: a page cursor in the year 0000", status: 422, names: "cursor", req: (c) => api("GET", `/api/v1/errors/${c.groupId}/events?cursor=${Buffer.from("0000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000").toString("base64url")}`, c.admin) },
  { name: "report: a window in the year 0000", status: 422, names: "since", req: (c) => api("GET", `/api/v1/workspaces/${c.t.workspaceId}/report?since=0000-01-01T00:00:00Z&until=0000-01-02T00:00:00Z`, c.admin) },
  { name: "release commits: a path of 2,000 characters", status: 422, names: "commits[0].files[0]", req: (c) => api("PUT", commitsPath(c), c.member, { commits: [{ sha: "abcdef1", files: ["a/".repeat(1000)] }] }) },
  { name: "release commits: a body over 8 MiB", status: 413, req: (c) => api("PUT", commitsPath(c), c.member, { commits: [{ sha: "abcdef1", message: "m".repeat(9 * MIB) }] }) },
  { name: "release commits: a release of 201 characters", status: 422, names: "version", req: (c) => api("PUT", commitsPath(c, "v".repeat(201)), c.member, { commits: [] }) },
  { name: "release commits: set by a viewer", status: 403, req: (c) => api("PUT", commitsPath(c), c.viewer, { commits: [] }) },
  { name: "release commits: another workspace's project", status: 404, req: (c) => api("PUT", `/api/v1/projects/${c.other.projectId}/releases/web%401.0.0/commits`, c.member, { commits: [] }) },
  { name: "release commits: set cross-site", status: 403, req: (c) => api("PUT", commitsPath(c), c.member, { commits: [] }, { origin: "https://evil.example" }) },
  { name: "issue links: a javascript: address", status: 422, names: "url", req: (c) => api("POST", `/api/v1/errors/${c.groupId}/links`, c.member, { url: "javascript:alert(1)" }) },
  { name: "issue links: an address with a user name and password (shown to every member)", status: 422, names: "user name or password", req: (c) => api("POST", `/api/v1/errors/${c.groupId}/links`, c.member, { url: "https://user:secret@github.com/acme/shop/issues/1" }) },
  { name: "issue links: added by a viewer", status: 403, req: (c) => api("POST", `/api/v1/errors/${c.groupId}/links`, c.viewer, { url: "https://github.com/acme/shop/issues/1" }) },
  { name: "issue links: on another workspace's issue", status: 404, req: (c) => api("POST", `/api/v1/errors/${c.otherGroupId}/links`, c.member, { url: "https://github.com/acme/shop/issues/1" }) },
  { name: "issue links: DELETE an unknown link", status: 404, req: (c) => api("DELETE", `/api/v1/errors/${c.groupId}/links/${rand()}`, c.member) },
  { name: "issue links: DELETE a link id that is not a UUID", status: 422, names: "linkId", req: (c) => api("DELETE", `/api/v1/errors/${c.groupId}/links/1%20OR%201=1`, c.member) },
  { name: "envelope: a header line over 1 MiB", status: 413, names: "envelope header", req: (c) => env(c, envelope({ pad: Array.from({ length: 600_000 }, () => 1) }, [{ type: "event", payload: errorEvent(newEventId()) }])) },
];

describe("hostile and odd requests: documented status, nothing changed", () => {
  let c: Ctx;
  beforeAll(async () => {
    const t = await createTenant("hostile");
    const other = await createTenant("hostile-other");
    const seed = async (tenant: Tenant) => {
      const event = IngestEventSchema.parse({ type: "SeededError", message: "for PATCH cases" });
      // Stored through lib, not HTTP, and its immediate-alert outbox row dropped (this process stands
      // in for the instance that would evaluate it): no alert evaluation runs during the cases.
      const outcome = await storeEvents({ workspaceId: tenant.workspaceId, projectId: tenant.projectId }, [prepareEvent(event)]);
      if (outcome.outboxId) await query(`DELETE FROM "AlertOutbox" WHERE id = $1`, [outcome.outboxId]);
      return outcome.results[0].groupId;
    };
    const admin = await login(t.admin);
    const revoked = await createIngestKey({ projectId: t.projectId, name: "revoked" });
    await revokeIngestKey({ projectId: t.projectId, keyId: revoked.id });
    const adminAuth = { kind: "user" as const, userId: t.admin.id, email: t.admin.email, name: "admin", memberships: [{ workspaceId: t.workspaceId, role: "admin" as const }] };
    const channel = await createChannel(adminAuth, t.workspaceId, { name: "hostile hook", kind: "webhook", enabled: false, config: { url: "http://127.0.0.1:9/hook" } });
    c = {
      t,
      other,
      admin,
      member: await login(t.member),
      viewer: await login(t.viewer),
      groupId: await seed(t),
      otherGroupId: await seed(other),
      channelId: channel.id,
      revokedKey: revoked.key,
    };
  });

  it(`has at least 60 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  for (const k of CASES) {
    it(`${k.name} → ${k.status}`, async () => {
      const before = await workspaceSnapshot([c.t.workspaceId, c.other.workspaceId]);
      const { method = "GET", path, headers, body } = k.req(c);
      const res = await fetch(`${BASE_URL}${path}`, { method, headers, body: Buffer.isBuffer(body) ? new Uint8Array(body) : body });
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(k.status);
      if (k.status >= 400) {
        const payload = JSON.parse(text);
        expect(payload.error.message).toEqual(expect.any(String));
        if (k.names) expect(JSON.stringify(payload.error)).toContain(k.names);
      }
      const after = await workspaceSnapshot([c.t.workspaceId, c.other.workspaceId]);
      expect(changedTables(before, after)).toEqual([]);
    });
  }
});

describe("odd but valid input is stored, with NUL and lone surrogates replaced", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("odd");
  });

  const stored = async (eventId: string) =>
    waitFor(async () => (await query<{ message: string; tags: Record<string, unknown>; type: string; occurredAt: Date }>(`SELECT o.message, o.tags, g.type, o."occurredAt" FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $1 AND o."eventId" = $2`, [t.projectId, eventId]))[0]);

  it("unreal: a crash report whose context holds NUL, lone surrogates, a huge stack line and a scope of the wrong shapes", async () => {
    const guid = "0DD0DD0DD0DD0DD0DD0DD0DD0DD0DD0D";
    const context = unrealContextXml(
      { CrashGUID: `UECC-${guid}\u0000`, CrashType: "Crash", CallStack: `${"a!".repeat(30_000)}[\nGame!Odd\u0000Frame() [x.cpp:1]`, ErrorMessage: "Unhandled Exception: EXCEPTION_ODD nul \u0000 lone \ud800", TimeOfCrash: "9".repeat(20) },
      { __sentry: '{"user": [1], "tags": "x", "release": {"a": 1}}' },
    );
    const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/unreal/${t.key}/`, { method: "POST", body: new Uint8Array(buildUnrealCrash({ files: [{ name: "CrashContext.runtime-xml", data: context }] })) });
    expect(res.status).toBe(200);
    const row = await stored(guid.toLowerCase());
    expect(row.type).toBe("EXCEPTION_ODD");
    expect(row.message).toBe(`nul ${R} lone ${R}`);
  });

  it("native: NUL in message, type and a tag key; a lone surrogate; invalid UTF-8", async () => {
    const body = Buffer.concat([
      Buffer.from('{"eventId":"odd-native-1","type":"Bad\\u0000Type","message":"nul \\u0000 and \\ud800 lone and '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' bytes","tags":{"k\\u0000":"v\\udfff"}}'),
    ]);
    const res = await fetch(`${BASE_URL}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", "x-faultline-key": t.key }, body: new Uint8Array(body) });
    expect(res.status).toBe(202);
    const row = await stored("odd-native-1");
    expect(row.type).toBe(`Bad${R}Type`);
    expect(row.message).toBe(`nul ${R} and ${R} lone and ${R}${R} bytes`);
    expect(row.tags).toEqual({ [`k${R}`]: `v${R}` });
  });

  it("native: quotes, backslashes and SQL in the type and message are stored as sent and reach the alert outbox", async () => {
    // The outbox row travels with COMMIT as an escaped literal (lib/db/bundledTransaction.ts).
    const type = "Quote'Error\\";
    const message = `it's \\'; COMMIT; DROP TABLE "ErrorGroup"; -- $1 E'\\x00' \\u0041 "q" $$ end`;
    const res = await fetch(`${BASE_URL}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": t.key },
      body: JSON.stringify({ eventId: "odd-native-quotes", type, message, severity: "critical" }),
    });
    expect(res.status).toBe(202);
    const row = await stored("odd-native-quotes");
    expect(row.type).toBe(type);
    expect(row.message).toBe(message);
    // Evaluated and deleted: a row that failed to insert would have failed the request; one left over would be a stuck batch.
    await waitFor(async () => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "AlertOutbox" WHERE "workspaceId" = $1`, [t.workspaceId]))[0].n) === 0 || undefined);
  });

  it("native: byte-order mark, and a timestamp PostgreSQL cannot hold", async () => {
    const res = await fetch(`${BASE_URL}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": t.key },
      body: `\uFEFF${JSON.stringify({ eventId: "odd-native-2", type: "BomError", occurredAt: "0000-01-01T00:00:00Z" })}`,
    });
    expect(res.status).toBe(202);
    expect((await stored("odd-native-2")).occurredAt.getTime()).toBeGreaterThan(Date.now() - 3_600_000);
  });

  it("native: a body in the charset its Content-Type names (ISO-8859-1; UTF-16 by its byte-order mark) is decoded, not garbled", async () => {
    const post = (charset: string, body: Buffer) => fetch(`${BASE_URL}/api/v1/events`, { method: "POST", headers: { "content-type": `application/json; charset=${charset}`, "x-faultline-key": t.key }, body: new Uint8Array(body) });
    const latin = await post("ISO-8859-1", Buffer.from(JSON.stringify({ eventId: "odd-latin1", type: "CharsetError", message: "café à 5 °C" }), "latin1"));
    expect(latin.status, await latin.text()).toBe(202);
    expect((await stored("odd-latin1")).message).toBe("café à 5 °C");
    const wide = JSON.stringify({ eventId: "odd-utf16", type: "CharsetError", message: "日本 ✓ 😀" });
    const utf16 = await post('"utf-16"', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(wide, "utf16le").swap16()]));
    expect(utf16.status, await utf16.text()).toBe(202);
    expect((await stored("odd-utf16")).message).toBe("日本 ✓ 😀");
  });

  it("Sentry store: a body in the charset its Content-Type names", async () => {
    const eventId = newEventId();
    const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/store/?sentry_key=${t.key}`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=latin1" },
      body: new Uint8Array(Buffer.from(errorEvent(eventId, { exception: { values: [{ type: "LatinError", value: "déjà vu" }] } }), "latin1")),
    });
    expect(res.status, await res.text()).toBe(200);
    expect((await stored(eventId)).message).toBe("déjà vu");
  });

  it("gzip bytes without a Content-Encoding: a Sentry envelope and a native batch are decoded", async () => {
    const eventId = newEventId();
    const gzipped = zlib.gzipSync(envelope({ event_id: eventId }, [{ type: "event", payload: errorEvent(eventId) }]));
    const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=${t.key}&sentry_version=7`, { method: "POST", body: new Uint8Array(gzipped) });
    expect(res.status, await res.text()).toBe(200);
    await stored(eventId);
    const native = await fetch(`${BASE_URL}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", "x-faultline-key": t.key }, body: new Uint8Array(zlib.gzipSync(JSON.stringify([{ eventId: "odd-gzip", type: "GzipError" }]))) });
    expect(native.status, await native.text()).toBe(202);
    await stored("odd-gzip");
  });

  it("the same key named in several places is one key", async () => {
    const native = await fetch(`${BASE_URL}/api/v1/events?key=${t.key}`, { method: "POST", headers: { "content-type": "application/json", "x-faultline-key": t.key, authorization: `Bearer ${t.key}` }, body: JSON.stringify({ eventId: "odd-same-key", type: "SameKey" }) });
    expect(native.status, await native.text()).toBe(202);
    const eventId = newEventId();
    const body = envelope({ event_id: eventId, dsn: `http://${t.key}@127.0.0.1/${t.projectPublicId}` }, [{ type: "event", payload: errorEvent(eventId) }]);
    const sentry = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=${t.key}&sentry_key=${t.key}`, { method: "POST", headers: { "x-sentry-auth": `Sentry sentry_version=7, sentry_key=${t.key}` }, body: new Uint8Array(body) });
    expect(sentry.status, await sentry.text()).toBe(200);
    await stored(eventId);
  });

  it("Sentry store: NUL in the exception value", async () => {
    const eventId = newEventId();
    const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/store/?sentry_key=${t.key}`, {
      method: "POST",
      body: errorEvent(eventId, { exception: { values: [{ type: "ValueError", value: "bin\u0000ary" }] } }),
    });
    expect(res.status).toBe(200);
    expect((await stored(eventId)).message).toBe(`bin${R}ary`);
  });

  it("Sentry envelope: lone surrogates in a message and a tag key", async () => {
    const eventId = newEventId();
    const body = envelope({ event_id: eventId }, [{ type: "event", payload: errorEvent(eventId, { tags: { "t\ud800": "x\udfff" }, exception: { values: [{ type: "UnicodeError", value: "half \udc00 pair" }] } }) }]);
    const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=${t.key}&sentry_version=7`, { method: "POST", body: new Uint8Array(body) });
    expect(res.status).toBe(200);
    const row = await stored(eventId);
    expect(row.message).toBe(`half ${R} pair`);
    expect(row.tags).toMatchObject({ [`t${R}`]: `x${R}` });
  });

  it("Sentry envelope: a surrogate encoded as CESU-8 bytes (invalid UTF-8)", async () => {
    const eventId = newEventId();
    const payload = Buffer.concat([
      Buffer.from(`{"event_id":"${eventId}","level":"error","exception":{"values":[{"type":"CesuError","value":"a`),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('b"}]}}'),
    ]);
    const body = envelope({ event_id: eventId }, [{ type: "event", payload }]);
    const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=${t.key}&sentry_version=7`, { method: "POST", body: new Uint8Array(body) });
    expect(res.status).toBe(200);
    expect((await stored(eventId)).message).toMatch(/^a\uFFFD+b$/);
  });

  it("native: an issue's executionsAffected past 2^31 − 1 saturates, and later events of the issue are still stored", async () => {
    // The sum used to overflow the integer column: 500, and every later event of the issue failed too.
    const send = (events: unknown[]) => fetch(`${BASE_URL}/api/v1/events`, { method: "POST", headers: { "content-type": "application/json", "x-faultline-key": t.key }, body: JSON.stringify(events) });
    const event = (i: number, executionsAffected: number) => ({ eventId: `odd-saturated-${i}`, type: "SaturatedCounter", impact: { executionsAffected } });
    expect((await send([event(1, 1e9), event(2, 1e9), event(3, 1e9)])).status).toBe(202);
    expect((await send([event(4, 1e9)])).status).toBe(202);
    expect((await send([event(5, 1)])).status).toBe(202);
    const [group] = await query<{ occurrenceCount: number; executionsAffected: number }>(`SELECT "occurrenceCount", "executionsAffected" FROM "ErrorGroup" WHERE "projectId" = $1 AND type = 'SaturatedCounter'`, [t.projectId]);
    expect(group).toEqual({ occurrenceCount: 5, executionsAffected: INT4_MAX });
  });

  it("executions, Sentry session aggregates and client reports past 2^31 − 1 saturate instead of answering 500", async () => {
    const at = "2026-01-02T03:04:05Z";
    const counts = await fetch(`${BASE_URL}/api/v1/executions`, { method: "POST", headers: { "content-type": "application/json", "x-faultline-key": t.key }, body: JSON.stringify({ counts: Array.from({ length: 300 }, () => ({ at, ok: 10_000_000 })) }) });
    expect(counts.status).toBe(202);
    const [minute] = await query<{ ok: number }>(`SELECT ok FROM "ExecutionMinute" WHERE "projectId" = $1 AND minute = $2`, [t.projectId, "2026-01-02T03:04:00Z"]);
    expect(minute.ok).toBe(INT4_MAX);
    const sessions = envelope({}, [{ type: "sessions", payload: JSON.stringify({ aggregates: [{ started: new Date().toISOString(), exited: 1e9 }], attrs: { release: "saturated@1", environment: "production" } }) }]);
    const discards = envelope({}, [{ type: "client_report", payload: JSON.stringify({ discarded_events: [{ reason: "saturated", category: "error", quantity: 1e9 }] }) }]);
    for (let i = 0; i < 3; i++) {
      for (const body of [sessions, discards]) {
        const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=${t.key}&sentry_version=7`, { method: "POST", body: new Uint8Array(body) });
        expect(res.status, await res.text()).toBe(200);
      }
    }
    const [release] = await query<{ ok: number }>(`SELECT ok FROM "ReleaseSessionDaily" WHERE "projectId" = $1 AND release = 'saturated@1'`, [t.projectId]);
    expect(release.ok).toBe(INT4_MAX);
    const [discarded] = await query<{ quantity: number }>(`SELECT quantity FROM "ClientDiscard" WHERE "projectId" = $1 AND reason = 'saturated'`, [t.projectId]);
    expect(discarded.quantity).toBe(INT4_MAX);
  });

  it("saturated counters read back without overflowing: the overview, the releases pages and the error-rate rule", async () => {
    // The current minute with both outcomes saturated: ok + failed of one row passes 2^31 − 1.
    const now = new Date();
    const counts = Array.from({ length: 300 }, () => ({ at: now.toISOString(), agentId: "saturated-agent", ok: 10_000_000, failed: 10_000_000 }));
    const posted = await fetch(`${BASE_URL}/api/v1/executions`, { method: "POST", headers: { "content-type": "application/json", "x-faultline-key": t.key }, body: JSON.stringify({ counts }) });
    expect(posted.status, await posted.text()).toBe(202);
    // A saturated release in two environments: its sessions add up past 2^31 − 1.
    for (const environment of ["production", "staging"]) {
      const sessions = envelope({}, [{ type: "sessions", payload: JSON.stringify({ aggregates: [{ started: now.toISOString(), exited: 1e9, crashed: 1e9 }], attrs: { release: "saturated@2", environment } }) }]);
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=${t.key}&sentry_version=7`, { method: "POST", body: new Uint8Array(sessions) });
        expect(res.status).toBe(200);
      }
    }
    const cookie = await login(t.viewer);
    const overview = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/error-tracking?timeframe=1h`, { headers: { cookie } });
    expect(overview.status, await overview.clone().text()).toBe(200);
    expect((await overview.json()).overview.errorRate).toBeGreaterThan(0);
    const releases = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/releases`, { headers: { cookie } });
    expect(releases.status, await releases.clone().text()).toBe(200);
    const saturated = ((await releases.json()).items as { version: string; sessions: { total: number } }[]).find((r) => r.version === "saturated@2");
    expect(saturated?.sessions.total).toBe(4 * INT4_MAX);
    const page = await fetch(`${BASE_URL}/api/v1/workspaces/${t.workspaceId}/releases/saturated%402`, { headers: { cookie } });
    expect(page.status, await page.clone().text()).toBe(200);
    expect((await page.json()).environments.map((e: { total: number }) => e.total)).toEqual([2 * INT4_MAX, 2 * INT4_MAX]);
    // The built-in error-rate rule measures the minute without an integer overflow (the sweep would skip it).
    const rule = await db().alertRule.findFirstOrThrow({ where: { workspaceId: t.workspaceId, kind: "error_rate" } });
    const measures = await measureAggregates(rule, new Date());
    const mine = measures.find((m) => m.projectId === t.projectId)!;
    expect(mine.reference).toBeGreaterThanOrEqual(2 * INT4_MAX);
    expect(mine.current).toBeGreaterThanOrEqual(INT4_MAX);
  });

  it("native: secrets in identifiers, labels and tag keys are scrubbed before they are stored", async () => {
    const password = "hunter2SECRETpw";
    const token = "abcDEF123456789tokenXYZ";
    const stripe = "sk_live_ABCDEFGHijklmnop1234";
    const res = await fetch(`${BASE_URL}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": t.key },
      body: JSON.stringify({ eventId: "odd-scrubbed-ids", type: "ScrubbedIds", userId: `u password=${password}`, agentId: `a Bearer ${token}`, runId: `r ${stripe}`, release: `web@1 token=${password}`, environment: `e-${stripe}`, tags: { [`k password=${password}`]: "v" } }),
    });
    expect(res.status).toBe(202);
    await stored("odd-scrubbed-ids");
    const rows = [
      ...(await query(`SELECT "userId", "agentId", "runId", release, environment, tags FROM "ErrorOccurrence" WHERE "projectId" = $1 AND "eventId" = 'odd-scrubbed-ids'`, [t.projectId])),
      ...(await query(`SELECT u."userId" FROM "ErrorGroupUser" u JOIN "ErrorGroup" g ON g.id = u."groupId" WHERE g."projectId" = $1 AND g.type = 'ScrubbedIds'`, [t.projectId])),
      ...(await query(`SELECT tg.key, tg.value FROM "ErrorGroupTag" tg JOIN "ErrorGroup" g ON g.id = tg."groupId" WHERE g."projectId" = $1 AND g.type = 'ScrubbedIds'`, [t.projectId])),
    ];
    expect(rows.length).toBeGreaterThan(2);
    const text = JSON.stringify(rows);
    for (const secret of [password, token, stripe]) expect(text).not.toContain(secret);
  });

  it("Sentry envelope: a frame variable and a tag nested 240,000 deep are stored cut (a RangeError was a 500)", async () => {
    const eventId = newEventId();
    // Far deeper than the call stack, inside the 1 MiB an event item may take.
    const deep = "[".repeat(240_000) + "]".repeat(240_000);
    const payload = `{"event_id":"${eventId}","level":"error","tags":{"deep":${deep}},"exception":{"values":[{"type":"DeepVars","value":"v","stacktrace":{"frames":[{"function":"f","vars":{"a":${deep}}}]}}]}}`;
    const body = envelope({ event_id: eventId }, [{ type: "event", payload }]);
    const res = await fetch(`${BASE_URL}/api/${t.projectPublicId}/envelope/?sentry_key=${t.key}&sentry_version=7`, { method: "POST", body: new Uint8Array(body) });
    expect(res.status).toBe(200);
    expect(String((await stored(eventId)).tags.deep)).toMatch(/^\[+$/);
  });

  it("source maps: a NUL in the release is replaced, not a 500", async () => {
    const cookie = await login(t.admin);
    const map = JSON.stringify({ version: 3, sources: ["a.ts"], names: [], mappings: "AAAA" });
    const res = await fetch(`${BASE_URL}/api/v1/projects/${t.projectId}/sourcemaps?release=odd%00release&url=${encodeURIComponent("~/odd.js")}`, { method: "POST", headers: { cookie }, body: map });
    expect(res.status, await res.text()).toBe(201);
    const rows = await query<{ release: string }>(`SELECT release FROM "SourceMap" WHERE "projectId" = $1`, [t.projectId]);
    expect(rows).toEqual([{ release: `odd${R}release` }]);
  });

  it.runIf(Boolean(process.env.METRICS_TOKEN))("native: a body the client stops sending is a 400 of the request, not a database outage (503)", async () => {
    const requests = async (status: string) => {
      const res = await fetch(`${BASE_URL}/api/metrics`, { headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` } });
      const { samples } = parsePrometheusText(await res.text());
      return samples.find((x) => x.name === "faultline_ingest_requests_total" && x.labels.endpoint === "events" && x.labels.status === status)?.value ?? 0;
    };
    const [unavailable, incomplete] = [await requests("503"), await requests("400")];
    const { hostname, port } = new URL(BASE_URL);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(`POST /api/v1/events HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nX-Faultline-Key: ${t.key}\r\nContent-Length: 1000\r\n\r\n{"type":`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 300);
      });
      socket.on("error", reject);
    });
    await waitFor(async () => ((await requests("400")) > incomplete ? true : undefined));
    expect(await requests("503")).toBe(unavailable);
  });

  it("executions: NUL in the agent id", async () => {
    const res = await fetch(`${BASE_URL}/api/v1/executions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": t.key },
      body: JSON.stringify({ agentId: "agent\u0000one", ok: 3 }),
    });
    expect(res.status).toBe(202);
    // The saturation tests above count executions of the same project under other agents.
    const rows = await query<{ agentId: string; ok: number }>(`SELECT "agentId", ok FROM "ExecutionMinute" WHERE "projectId" = $1 AND "agentId" LIKE 'agent%'`, [t.projectId]);
    expect(rows).toEqual([{ agentId: `agent${R}one`, ok: 3 }]);
  });

  it("executions: a count dated 9999-12-31 is recorded at the receive time, as an event would be", async () => {
    const sent = Date.now();
    const res = await fetch(`${BASE_URL}/api/v1/executions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-faultline-key": t.key },
      body: JSON.stringify({ counts: [{ at: "9999-12-31T00:00:00Z", agentId: "future-agent", ok: 4 }] }),
    });
    expect(res.status).toBe(202);
    const rows = await query<{ minute: Date; ok: number }>(`SELECT minute, ok FROM "ExecutionMinute" WHERE "projectId" = $1 AND "agentId" = 'future-agent'`, [t.projectId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].ok).toBe(4);
    expect(Math.abs(rows[0].minute.getTime() - sent)).toBeLessThan(2 * 60_000);
  });
});
