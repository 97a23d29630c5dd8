// @serial-db: asserts whole-table row counts, so it runs while no other test file writes.
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, createTenant, type Tenant } from "@/e2e/support/tenant";
import { ingestTableCounts } from "@/e2e/support/dbCounts";

interface Case {
  name: string;
  status: number;
  /** The field path the 422 body must name, or a fragment of the error message. */
  names?: string;
  init: (t: Tenant, other: Tenant) => { headers?: Record<string, string>; body?: BodyInit; path?: string };
}

const json = (t: Tenant, body: unknown, headers: Record<string, string> = {}) => ({
  headers: { "content-type": "application/json", "x-faultline-key": t.key, ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});
const ok = { type: "Error", message: "fine" };
const big = (bytes: number) => "x".repeat(bytes);

const CASES: Case[] = [
  { name: "no key", status: 401, init: () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(ok) }) },
  { name: "unknown key", status: 401, init: (t) => json(t, ok, { "x-faultline-key": "0".repeat(32) }) },
  { name: "overlong key", status: 401, init: (t) => json(t, ok, { "x-faultline-key": "k".repeat(5000) }) },
  { name: "key for another project", status: 403, init: (t, o) => json(t, ok, { "x-faultline-project": o.projectId }) },
  { name: "malformed JSON", status: 400, init: (t) => json(t, '{"type": "Error", ') },
  { name: "empty body", status: 400, init: (t) => json(t, "") },
  { name: "JSON null", status: 422, init: (t) => json(t, "null") },
  { name: "JSON number", status: 422, init: (t) => json(t, "42") },
  { name: "missing type", status: 422, names: "type", init: (t) => json(t, { message: "no type" }) },
  { name: "empty type", status: 422, names: "type", init: (t) => json(t, { type: "   " }) },
  { name: "wrong severity", status: 422, names: "severity", init: (t) => json(t, { ...ok, severity: "apocalyptic" }) },
  { name: "bad occurredAt", status: 422, names: "occurredAt", init: (t) => json(t, { ...ok, occurredAt: "yesterday" }) },
  { name: "bad eventId", status: 422, names: "eventId", init: (t) => json(t, { ...ok, eventId: "../../etc/passwd" }) },
  { name: "negative credits", status: 422, names: "impact.creditsLost", init: (t) => json(t, { ...ok, impact: { creditsLost: -5 } }) },
  { name: "recovery without outcome", status: 422, names: "recovery.recovered", init: (t) => json(t, { ...ok, recovery: { method: "retry" } }) },
  { name: "stackTrace of wrong type", status: 422, names: "stackTrace", init: (t) => json(t, { ...ok, stackTrace: 42 }) },
  { name: "tags not an object", status: 422, names: "tags", init: (t) => json(t, { ...ok, tags: ["a"] }) },
  { name: "events not an array", status: 422, names: "events", init: (t) => json(t, { events: "nope" }) },
  { name: "empty batch", status: 422, names: "events", init: (t) => json(t, []) },
  { name: "batch all invalid", status: 422, names: "events[1].type", init: (t) => json(t, [{ type: 1 }, { message: "x" }]) },
  { name: "batch over 1,000 events", status: 413, init: (t) => json(t, Array.from({ length: 1001 }, () => ok)) },
  { name: "single event over 1 MiB", status: 413, init: (t) => json(t, { ...ok, message: "m", context: { blob: big(1_100_000) } }) },
  { name: "body over 10 MiB", status: 413, init: (t) => json(t, [{ ...ok, context: { blob: big(11 * 1024 * 1024) } }]) },
  { name: "unknown content encoding", status: 415, init: (t) => json(t, ok, { "content-encoding": "compress" }) },
  { name: "corrupt gzip", status: 400, init: (t) => ({ ...json(t, "not gzip at all", { "content-encoding": "gzip" }) }) },
  { name: "wrong content type", status: 415, init: (t) => json(t, ok, { "content-type": "text/csv" }) },
  {
    name: "gzip bomb",
    status: 413,
    init: (t) => ({
      headers: { "content-type": "application/json", "x-faultline-key": t.key, "content-encoding": "gzip" },
      body: new Uint8Array(zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20))),
    }),
  },
  { name: "prototype pollution keys", status: 422, names: "type", init: (t) => json(t, '{"__proto__": {"admin": true}, "constructor": {}}') },
  { name: "deeply nested JSON", status: 422, names: "events[0]", init: (t) => json(t, "[".repeat(5000) + "]".repeat(5000)) },
];

describe("malformed and hostile ingest requests", () => {
  let t: Tenant;
  let other: Tenant;
  beforeAll(async () => {
    t = await createTenant("hostile");
    other = await createTenant("other");
  });

  it(`has at least 20 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of CASES) {
    it(`${c.name} → ${c.status}, nothing written`, async () => {
      const before = await ingestTableCounts();
      const { headers, body, path } = c.init(t, other);
      const res = await fetch(`${BASE_URL}${path ?? "/api/v1/events"}`, { method: "POST", headers, body });
      expect(res.status).toBe(c.status);
      const payload = await res.json();
      expect(payload.error.message).toEqual(expect.any(String));
      if (c.names) expect(JSON.stringify(payload.error)).toContain(c.names);
      expect(await ingestTableCounts()).toEqual(before);
    });
  }

  it("a batch with some bad events stores the good ones and reports the bad by index", async () => {
    const before = await ingestTableCounts();
    const res = await fetch(`${BASE_URL}/api/v1/events`, {
      method: "POST",
      ...json(t, { events: [{ type: "GoodA", message: "a" }, { message: "no type" }, { type: "GoodB", severity: "nope" }, { type: "GoodC" }] }),
    });
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body.accepted.map((a: { index: number }) => a.index)).toEqual([0, 3]);
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2]);
    expect(body.rejected[0].issues[0].path).toBe("events[1].type");
    expect(body.rejected[1].issues[0].path).toBe("events[2].severity");
    const after = await ingestTableCounts();
    expect(after.ErrorOccurrence - before.ErrorOccurrence).toBe(2);
  });

  it("counts a repeated eventId once", async () => {
    const event = { eventId: "evt-repeat-1", type: "DupError", message: "once" };
    const a = await (await fetch(`${BASE_URL}/api/v1/events`, { method: "POST", ...json(t, event) })).json();
    const b = await (await fetch(`${BASE_URL}/api/v1/events`, { method: "POST", ...json(t, [event, event]) })).json();
    expect(a.accepted[0].duplicate).toBe(false);
    expect(b.accepted.every((x: { duplicate: boolean; groupId: string }) => x.duplicate && x.groupId === a.accepted[0].groupId)).toBe(true);
    const detail = await (await fetch(`${BASE_URL}/api/v1/errors/${a.accepted[0].groupId}`, { headers: { "x-faultline-key": t.key } })).json();
    expect(detail.occurrences).toBe(1);
  });

  it("accepts gzip, deflate and br bodies", async () => {
    const body = Buffer.from(JSON.stringify({ type: "EncodedError", message: "compressed" }));
    for (const [encoding, data] of [
      ["gzip", zlib.gzipSync(body)],
      ["deflate", zlib.deflateSync(body)],
      ["br", zlib.brotliCompressSync(body)],
    ] as const) {
      const res = await fetch(`${BASE_URL}/api/v1/events`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-faultline-key": t.key, "content-encoding": encoding },
        body: new Uint8Array(data),
      });
      expect(res.status, encoding).toBe(202);
    }
  });
});
