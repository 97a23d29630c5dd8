import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { IngestEventSchema, type IngestEventInput } from "@/lib/ingest/eventSchema";
import { MAX_BREADCRUMBS, MAX_CHAINED_EXCEPTIONS, MAX_TAGS, mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import {
  NODE_EVENT_ID,
  browserAggregateEvent,
  browserMessageEvent,
  nodeExceptionEvent,
  pythonLogEvent,
} from "@/lib/sentry/__fixtures__/envelopes";

const map = (event: unknown, opts?: { eventIdFallback?: string }) => mapSentryEvent(event, opts).events;
const main = (event: unknown, opts?: { eventIdFallback?: string }) => map(event, opts)[0];
const sentry = (e: IngestEventInput) => (e.context as { sentry: Record<string, unknown> }).sentry;

describe("mapSentryEvent: exceptions", () => {
  const events = map(nodeExceptionEvent);

  it("uses the last exception value (the one raised) for the main event", () => {
    expect(events[0]).toMatchObject({
      eventId: NODE_EVENT_ID,
      type: "Error",
      message: "Could not load invoice 42",
      severity: "high",
      platform: "node",
      environment: "production",
      release: "billing@1.4.2",
      occurredAt: "2026-01-01T00:00:00.123Z",
      userId: "user_123",
      agentId: "agent-7",
      source: "agent",
      tags: { agent_id: "agent-7", region: "eu-west-1" },
    });
    expect(events[0].parentEventId).toBeUndefined();
  });

  it("maps frames in Sentry's order, innermost last, with inApp and source context", () => {
    const frames = events[0].stackTrace as Exclude<IngestEventInput["stackTrace"], string | undefined>;
    expect(frames).toHaveLength(3);
    expect(frames[0]).toEqual({
      filename: "node:internal/process/task_queues",
      module: "task_queues",
      function: "process.processTicksAndRejections",
      lineno: 105,
      colno: 5,
      inApp: false,
    });
    expect(frames[2]).toEqual({
      filename: "/srv/app/src/billing/invoices.js",
      module: "billing:invoices",
      function: "loadInvoice",
      lineno: 14,
      colno: 11,
      inApp: true,
      preContext: ["async function loadInvoice(id) {", "  try {"],
      contextLine: "    const res = await fetch(`${API}/invoices/${id}`);",
      postContext: ["    return await res.json();", "  } catch (err) {"],
    });
  });

  it("keeps the cause in the one event's chain, raised exception first (one event, one issue)", () => {
    expect(events).toHaveLength(1);
    const chain = events[0].exceptions!;
    expect(chain.map((e) => [e.type, e.message, e.relation])).toEqual([
      [events[0].type, events[0].message, undefined],
      ["TypeError", "fetch failed", "cause"],
    ]);
    expect(chain[0].stackTrace).toEqual(events[0].stackTrace);
    expect((chain[1].stackTrace as unknown[]).length).toBe(3);
    expect(events[0].parentEventId).toBeUndefined();
  });

  it("keeps Sentry-only data under context.sentry", () => {
    const ctx = sentry(events[0]);
    expect(ctx.contexts).toEqual(nodeExceptionEvent.contexts);
    expect(ctx.sdk).toEqual(nodeExceptionEvent.sdk);
    expect(ctx.server_name).toBe("billing-api-7f9c");
    expect(ctx.transaction).toBe("GET /invoices/:id");
    expect(ctx.extra).toEqual({ attempt: 3 });
    expect(ctx.modules).toEqual(nodeExceptionEvent.modules);
    expect(ctx.user).toEqual(nodeExceptionEvent.user);
    expect(ctx.breadcrumbs).toEqual(nodeExceptionEvent.breadcrumbs);
    expect(ctx.mechanism).toEqual({ handled: true, type: "generic", exception_id: 0 });
    expect(ctx.request).toEqual({
      method: "GET",
      url: "https://billing.example.com/invoices/42",
      query_string: "expand=lines",
      headers: { host: "billing.example.com", "user-agent": "curl/8.5.0" },
      cookies: { session: "abc" },
    });
  });

  it("keeps an exception group as one event: the group first, then its members nearest first", () => {
    const agg = map(browserAggregateEvent);
    expect(agg).toHaveLength(1);
    expect(agg[0].eventId).toBe("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    expect(agg[0].exceptions!.map((e) => e.type)).toEqual(["AggregateError", "RangeError", "SyntaxError"]);
    expect(agg[0]).toMatchObject({ platform: "javascript", message: "2 widgets failed to render", release: "web@2.0.0" });
    expect(agg[0].userId).toBeUndefined(); // "{{auto}}" is a placeholder, not a user
    expect((agg[0].stackTrace as { function?: string }[])[0].function).toBeUndefined(); // "?" = unknown
    expect(sentry(agg[0]).request).toEqual(browserAggregateEvent.request);
  });

  it("caps the chain at MAX_CHAINED_EXCEPTIONS exceptions, keeping the raised one and its nearest causes", () => {
    const values = Array.from({ length: 40 }, (_, i) => ({ type: `E${i}`, value: `v${i}` }));
    const out = map({ event_id: NODE_EVENT_ID, exception: { values } });
    expect(out).toHaveLength(1);
    expect(out[0].type).toBe("E39");
    expect(out[0].exceptions).toHaveLength(MAX_CHAINED_EXCEPTIONS);
    expect(out[0].exceptions!.slice(0, 2).map((e) => e.type)).toEqual(["E39", "E38"]);
  });

  it("marks Python's implicit __context__ as context, explicit causes as cause", () => {
    const out = main({
      exception: {
        values: [
          { type: "KeyError", value: "'a'", mechanism: { type: "chained", source: "__context__", exception_id: 2, parent_id: 1 } },
          { type: "ValueError", value: "bad", mechanism: { type: "chained", source: "__cause__", exception_id: 1, parent_id: 0 } },
          { type: "RuntimeError", value: "failed", mechanism: { type: "generic", exception_id: 0 } },
        ],
      },
    });
    expect(out.exceptions!.map((e) => [e.type, e.relation])).toEqual([["RuntimeError", undefined], ["ValueError", "cause"], ["KeyError", "context"]]);
  });

  it("accepts the legacy bare exception list and defaults a missing type to Error", () => {
    const out = map({ exception: [{ value: "boom" }] });
    expect(out[0]).toMatchObject({ type: "Error", message: "boom", severity: "high" });
  });

  it("reads the interfaces of the protocol before version 7 (raven-python, sentry-php 1.x) under their legacy names", () => {
    const event = main({
      event_id: "c".repeat(32),
      platform: "python",
      "sentry.interfaces.Exception": { type: "ValueError", value: "bad amount", module: "builtins" },
      "sentry.interfaces.Stacktrace": { frames: [{ filename: "shop/cart.py", module: "shop.cart", function: "total", lineno: 12, in_app: true }] },
      "sentry.interfaces.User": { id: "u-7", email: "u7@example.com" },
      "sentry.interfaces.Http": { url: "https://shop.example/cart", method: "POST" },
      "sentry.interfaces.Message": { message: "Checkout failed for %s", params: ["u-7"] },
    });
    expect(event).toMatchObject({ type: "ValueError", message: "bad amount", userId: "u-7" });
    expect(event.stackTrace).toEqual([expect.objectContaining({ function: "total", lineno: 12, module: "shop.cart" })]);
    expect(sentry(event)).toMatchObject({ request: { url: "https://shop.example/cart", method: "POST" }, message: "Checkout failed for u-7" });
    expect(Object.keys(sentry(event)).some((key) => key.startsWith("sentry.interfaces"))).toBe(false);
  });

  it("prefers the current interface name when an event carries both", () => {
    const event = main({ exception: { values: [{ type: "KeyError", value: "sku" }] }, "sentry.interfaces.Exception": { type: "Old", value: "x" } });
    expect(event).toMatchObject({ type: "KeyError", message: "sku" });
  });

  it("names the binary of native frames that carry only an instruction address, from debug_meta.images", () => {
    const [event] = mapSentryEvent({
      platform: "native",
      exception: { values: [{ type: "SIGSEGV", value: "Segfault", stacktrace: { frames: [{ instruction_addr: "0x7f0000001000" }, { instruction_addr: "0x55d4c2a1d6e8" }, { instruction_addr: "0x1" }, { instruction_addr: "0x55d4c2a1d6f0", package: "/own/package" }] } }] },
      debug_meta: {
        images: [
          { type: "elf", code_file: "/usr/lib/libc.so.6", image_addr: "0x7f0000000000", image_size: 2097152 },
          { type: "elf", code_file: "/opt/engine/bin/engine", image_addr: "0x55d4c2a00000", image_size: 131072 },
          { type: "elf", code_file: "/broken", image_addr: "not an address", image_size: 1 },
        ],
      },
    }).events;
    expect(event.stackTrace).toEqual([
      { module: "/usr/lib/libc.so.6", instructionAddr: "0x7f0000001000", imageAddr: "0x7f0000000000" },
      { module: "/opt/engine/bin/engine", instructionAddr: "0x55d4c2a1d6e8", imageAddr: "0x55d4c2a00000" },
      { instructionAddr: "0x1" },
      { module: "/own/package", instructionAddr: "0x55d4c2a1d6f0", imageAddr: "0x55d4c2a00000" },
    ]);
  });

  it("reads the debug IDs of a JavaScript build's files from debug_meta (sourcemap images), which the schema accepts", () => {
    const id = "ab6f78a0-9db3-5a81-8542-e9b40a293639";
    const event = main({
      platform: "javascript",
      exception: { values: [{ type: "TypeError", value: "x", stacktrace: { frames: [{ abs_path: "https://shop.example/static/js/main.js", lineno: 1, colno: 30 }] } }] },
      debug_meta: {
        images: [
          { type: "sourcemap", code_file: "https://shop.example/static/js/main.js", debug_id: id.toUpperCase() },
          { type: "sourcemap", code_file: "https://shop.example/static/js/vendor.js", debug_id: "not-a-uuid" },
          { type: "sourcemap", code_file: "https://shop.example/static/js/main.js", debug_id: "c0ffee00-0000-4000-8000-000000000001" },
          { type: "elf", code_file: "/usr/lib/libc.so.6", debug_id: id, image_addr: "0x1000", image_size: 16 },
          { type: "sourcemap", debug_id: id },
        ],
      },
    });
    // The first listing of a file wins; malformed IDs, other image types and images without a file are skipped.
    expect(event.debugIds).toEqual({ "https://shop.example/static/js/main.js": id });
    expect(IngestEventSchema.safeParse(event).success).toBe(true);
    expect(main({ exception: { values: [{ type: "E", value: "x" }] }, debug_meta: { images: "nope" } }).debugIds).toBeUndefined();
  });

  it("reads an obfuscated JVM build's ProGuard UUIDs and source bundles from debug_meta and keeps each exception's module, which the schema accepts", () => {
    const uuid = "adad88a6-93b9-5fb0-8033-608fed994048";
    const event = main({
      platform: "java",
      exception: {
        values: [
          { type: "c", module: "a.b", value: "root cause" },
          { type: "b", module: "a", value: "card declined", stacktrace: { frames: [{ module: "a.a", function: "b", filename: "SourceFile", lineno: 4 }] } },
        ],
      },
      debug_meta: {
        images: [
          { type: "proguard", uuid: uuid.toUpperCase() },
          { type: "proguard", debug_id: "0e5f6c7a1b2c5d3e8f405a6b7c8d9e0f" },
          { type: "proguard", uuid: "nope" },
          { type: "proguard", uuid },
          { type: "jvm", debug_id: "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e" },
        ],
      },
    });
    expect(event.proguardUuids).toEqual([uuid, "0e5f6c7a-1b2c-5d3e-8f40-5a6b7c8d9e0f"]);
    expect(event.jvmSourceBundles).toEqual(["5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"]);
    expect(event).toMatchObject({ type: "b", module: "a" });
    expect(event.exceptions?.map((e) => [e.type, e.module])).toEqual([
      ["b", "a"],
      ["c", "a.b"],
    ]);
    expect(IngestEventSchema.safeParse(event).success).toBe(true);
    expect(main({ exception: { values: [{ type: "E", value: "x", module: "  " }] } })).not.toHaveProperty("module");
  });

  it("keeps an accompanying log message in context", () => {
    const out = main({ exception: { values: [{ type: "KeyError", value: "'id'" }] }, logentry: { formatted: "lookup failed" } });
    expect(out).toMatchObject({ type: "KeyError", message: "'id'" });
    expect(sentry(out).message).toBe("lookup failed");
  });
});

describe("mapSentryEvent: messages", () => {
  it("maps a browser captureMessage with its synthetic stack to a Message event with frames", () => {
    const out = map(browserMessageEvent);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: "Message", message: "Checkout submitted twice", severity: "medium" });
    expect(out[0].stackTrace).toEqual([
      { filename: "https://app.example.com/assets/app-3f2a.js", function: "onSubmit", lineno: 1, colno: 2231, inApp: true },
    ]);
  });

  it("uses logentry.formatted, takes frames from threads and tags from pairs", () => {
    const out = main(pythonLogEvent);
    expect(out).toMatchObject({
      type: "Message",
      message: "Invoice INV-7 sent to ada@example.com",
      severity: "low",
      platform: "python",
      occurredAt: "2026-01-01T00:02:03.456Z",
      tags: { job: "send_invoices", attempt: "2" },
    });
    expect(out.stackTrace).toEqual([
      { module: "billing.jobs", function: "send_invoices", filename: "billing/jobs.py", absPath: "/app/billing/jobs.py", lineno: 88, inApp: true },
    ]);
    expect(sentry(out).logger).toBe("billing.jobs");
  });

  it("takes an exception's frames from the thread its thread_id names (an Android ANR: the main thread, not the crashed watchdog)", () => {
    const frame = (fn: string) => ({ function: fn, module: "com.acme.app", filename: "App.kt", lineno: 1, in_app: true });
    const out = main({
      platform: "java",
      exception: { values: [{ type: "ApplicationNotResponding", value: "Background ANR", thread_id: 1 }] },
      threads: { values: [{ id: 7, name: "watchdog", crashed: true, stacktrace: { frames: [frame("poll")] } }, { id: 1, name: "main", stacktrace: { frames: [frame("onCreate")] } }] },
    });
    expect((out.stackTrace as { function?: string }[]).map((f) => f.function)).toEqual(["onCreate"]);
    // Without a thread_id: the crashed thread.
    const crashed = main({ platform: "cocoa", exception: { values: [{ type: "EXC_BAD_ACCESS", value: "KERN_INVALID_ADDRESS" }] }, threads: { values: [{ id: 1, stacktrace: { frames: [frame("run")] } }, { id: 2, crashed: true, stacktrace: { frames: [frame("crash")] } }] } });
    expect((crashed.stackTrace as { function?: string }[]).map((f) => f.function)).toEqual(["crash"]);
  });

  it("reads message as a string, as { formatted } and as { message, params }", () => {
    expect(main({ message: "plain" }).message).toBe("plain");
    expect(main({ message: { formatted: "fmt", message: "tpl %s" } }).message).toBe("fmt");
    // sentry-python's logging integration: the format string and its values, no formatted text.
    expect(main({ message: { message: "tpl %s", params: ["x"] } })).toMatchObject({ message: "tpl x", messageTemplate: "tpl %s" });
    expect(main({ message: { formatted: "fmt", message: "tpl %s" } }).messageTemplate).toBe("tpl %s");
    expect(main({ message: { message: "no values" } }).messageTemplate).toBeUndefined();
    // An exception event's log message is not what its issue is keyed on.
    expect(main({ logentry: { message: "failed for %s", params: ["x"] }, exception: { values: [{ type: "KeyError", value: "'x'" }] } }).messageTemplate).toBeUndefined();
    expect(main({ logentry: { message: "from logentry" }, message: "from message" }).message).toBe("from logentry");
    expect(main({ logentry: {}, message: "from message" }).message).toBe("from message");
  });

  it("maps an event with neither exception nor message to an empty Message", () => {
    const out = main({ event_id: NODE_EVENT_ID });
    expect(out).toEqual({ eventId: NODE_EVENT_ID, type: "Message", message: "", severity: "high" });
  });

  it("uses a stacktrace at event level", () => {
    const out = main({ message: "m", stacktrace: { frames: [{ function: "f", filename: "a.js", lineno: 3 }] } });
    expect(out.stackTrace).toEqual([{ function: "f", filename: "a.js", lineno: 3 }]);
  });
});

describe("mapSentryEvent: level → severity", () => {
  it.each([
    ["fatal", "critical"],
    ["critical", "critical"],
    ["error", "high"],
    ["ERROR", "high"],
    ["warning", "medium"],
    ["warn", "medium"],
    ["info", "low"],
    ["debug", "low"],
    ["log", "low"],
  ])("%s → %s", (level, severity) => {
    expect(main({ level, message: "m" }).severity).toBe(severity);
    expect(main({ level, exception: { values: [{ type: "E" }] } }).severity).toBe(severity);
  });

  it("reads a missing or unusable level as the protocol's default, error: high", () => {
    expect(main({ exception: { values: [{ type: "E" }] } }).severity).toBe("high");
    expect(main({ level: "nonsense", exception: { values: [{ type: "E" }] } }).severity).toBe("high");
    expect(main({ message: "m" }).severity).toBe("high");
    expect(main({ message: "m", level: 3 }).severity).toBe("high");
    expect(main({ message: "m", level: "info" }).severity).toBe("low");
  });
});

describe("mapSentryEvent: fields", () => {
  it("normalises event ids and falls back when they are invalid", () => {
    expect(main({ event_id: "5F0C3B6A-9E2D-4C7B-8A1F-0E9D8C7B6A5F" }).eventId).toBe(NODE_EVENT_ID);
    expect(main({ event_id: "not-an-id" }, { eventIdFallback: NODE_EVENT_ID }).eventId).toBe(NODE_EVENT_ID);
    expect(main({ event_id: 12 }, { eventIdFallback: NODE_EVENT_ID.toUpperCase() }).eventId).toBe(NODE_EVENT_ID);
    expect(main({}, { eventIdFallback: "../../etc" }).eventId).toMatch(/^[0-9a-f]{32}$/);
    expect(main({}).eventId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("never creates an event per chained exception", () => {
    const out = map({ exception: { values: [{ type: "Cause" }, { type: "Main" }] } });
    expect(out).toHaveLength(1);
    expect(out[0].exceptions!.map((e) => e.type)).toEqual(["Main", "Cause"]);
  });

  it.each([
    [1767225600.5, "2026-01-01T00:00:00.500Z"],
    [1767225600, "2026-01-01T00:00:00.000Z"],
    ["1767225600.25", "2026-01-01T00:00:00.250Z"],
    ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z"],
    ["2026-01-01T02:00:00+02:00", "2026-01-01T00:00:00.000Z"],
    ["2026-01-01T02:00:00+0200", "2026-01-01T00:00:00.000Z"],
    ["2026-01-01T00:00:00.123456", "2026-01-01T00:00:00.123Z"],
    ["2026-01-01 00:00:00", "2026-01-01T00:00:00.000Z"],
  ])("timestamp %s → %s", (timestamp, iso) => {
    expect(main({ timestamp }).occurredAt).toBe(iso);
  });

  it.each([["yesterday"], [""], [-5], [1e20], [Number.NaN], [null], [{}], ["2026-13-45T00:00:00Z"]])("drops the bad timestamp %s", (timestamp) => {
    expect(main({ timestamp }).occurredAt).toBeUndefined();
  });

  it("picks the user id from id, email, username, then ip", () => {
    expect(main({ user: { id: 42, email: "a@b.c" } }).userId).toBe("42");
    expect(main({ user: { email: "a@b.c", username: "ada" } }).userId).toBe("a@b.c");
    expect(main({ user: { username: "ada", ip_address: "10.0.0.1" } }).userId).toBe("ada");
    expect(main({ user: { ip_address: "10.0.0.1" } }).userId).toBe("10.0.0.1");
    expect(main({ user: { ip_address: "{{auto}}" } }).userId).toBeUndefined();
    expect(main({ user: { id: "  " } }).userId).toBeUndefined();
    expect(main({ user: "ada" }).userId).toBeUndefined();
  });

  it("drops the {{auto}} address placeholder from the stored user instead of showing it as an address", () => {
    const sentryOf = (user: unknown) => (main({ user }).context as { sentry?: { user?: unknown } } | undefined)?.sentry?.user;
    expect(sentryOf({ id: "u1", ip_address: "{{auto}}" })).toEqual({ id: "u1" });
    expect(sentryOf({ ip_address: "{{auto}}" })).toBeUndefined();
    expect(sentryOf({ id: "u1", ip_address: "10.0.0.1" })).toEqual({ id: "u1", ip_address: "10.0.0.1" });
  });

  it("keeps an ip_address only when it is an IPv4 or IPv6 address, as Sentry's relay does (not-an-ip was stored and shown as the event's IP)", () => {
    const sentryOf = (user: unknown) => (main({ user }).context as { sentry?: { user?: unknown } } | undefined)?.sentry?.user;
    for (const ip of ["not-an-ip", "999.1.1.1", "10.0.0", "", 7, { a: 1 }, "::ffff:zz"]) {
      expect(sentryOf({ id: "u1", ip_address: ip })).toEqual({ id: "u1" });
      expect(main({ user: { ip_address: ip } }).userId).toBeUndefined();
    }
    expect(sentryOf({ ip_address: "not-an-ip" })).toBeUndefined();
    expect(sentryOf({ id: "u1", ip_address: "2001:db8::1" })).toEqual({ id: "u1", ip_address: "2001:db8::1" });
    expect(main({ user: { ip_address: "2001:db8::1" } }).userId).toBe("2001:db8::1");
    expect(sentryOf({ id: "u1", ip_address: null })).toEqual({ id: "u1", ip_address: null });
  });

  it("stringifies and bounds tags", () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`t${i}`, i]));
    const tags = main({ tags: many }).tags as Record<string, string>;
    expect(Object.keys(tags)).toHaveLength(MAX_TAGS);
    expect(tags.t0).toBe("0");

    const out = main({
      tags: { long: "x".repeat(5000), flag: true, nothing: null, obj: { a: 1 }, "": "empty key", ["k".repeat(300)]: "v" },
    }).tags as Record<string, string>;
    expect(out.long).toHaveLength(1000);
    expect(out.flag).toBe("true");
    expect(out.obj).toBe('{"a":1}');
    expect("nothing" in out).toBe(false);
    expect("" in out).toBe(false);
    expect(out["k".repeat(200)]).toBe("v");
  });

  it("keeps a __proto__ tag as a plain tag", () => {
    const tags = main({ tags: JSON.parse('{"__proto__":"x","a":"b"}') }).tags as Record<string, string>;
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(Object.keys(tags)).toEqual(["__proto__", "a"]);
  });

  it("reads agentId from agentId tags too", () => {
    expect(main({ tags: { agentId: "a-1" } })).toMatchObject({ agentId: "a-1", source: "agent" });
    expect(main({ tags: { other: "x" } }).source).toBeUndefined();
  });

  it("passes fingerprints through, {{ default }} included", () => {
    expect(main({ fingerprint: ["{{ default }}", "tenant-9"] }).fingerprint).toEqual(["{{ default }}", "tenant-9"]);
    expect(main({ fingerprint: "single" }).fingerprint).toEqual(["single"]);
    expect(main({ fingerprint: [1, null, "", "a"] }).fingerprint).toEqual(["1", "a"]);
    expect(main({ fingerprint: [] }).fingerprint).toBeUndefined();
    const long = main({ fingerprint: Array.from({ length: 30 }, () => "p".repeat(600)) }).fingerprint as string[];
    expect(long).toHaveLength(20);
    expect(long[0]).toHaveLength(512);
  });

  it("keeps the last MAX_BREADCRUMBS breadcrumbs, from a list or { values }", () => {
    const crumbs = Array.from({ length: 150 }, (_, i) => ({ message: `c${i}` }));
    const fromValues = sentry(main({ breadcrumbs: { values: crumbs } })).breadcrumbs as { message: string }[];
    expect(fromValues).toHaveLength(MAX_BREADCRUMBS);
    expect(fromValues[0].message).toBe("c50");
    expect(fromValues.at(-1)?.message).toBe("c149");
    expect(sentry(main({ breadcrumbs: crumbs.slice(0, 2) })).breadcrumbs).toEqual(crumbs.slice(0, 2));
  });

  it("keeps only the documented request fields", () => {
    const out = main({ request: { url: "/x", method: "POST", env: { REMOTE_ADDR: "1.2.3.4" }, data: { a: 1 }, fragment: "f" } });
    expect(sentry(out).request).toEqual({ url: "/x", method: "POST", data: { a: 1 }, env: { REMOTE_ADDR: "1.2.3.4" } });
  });

  it("maps awkward frames defensively", () => {
    const frames = [
      { function: "?", filename: "", lineno: null, colno: -1, in_app: "yes", pre_context: [null, "a"], context_line: 5 },
      { raw_function: "raw", package: "/usr/lib/libc.so", instruction_addr: "0x1" },
      "not a frame",
      { function: "f", lineno: 1.5, pre_context: Array.from({ length: 30 }, (_, i) => `pre${i}`), post_context: Array.from({ length: 30 }, (_, i) => `post${i}`) },
    ];
    const out = main({ exception: { values: [{ type: "E", stacktrace: { frames } }] } }).stackTrace as Record<string, unknown>[];
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ preContext: ["", "a"], contextLine: "5" });
    expect(out[1]).toEqual({ function: "raw", module: "/usr/lib/libc.so" });
    expect(out[2].lineno).toBeUndefined();
    expect((out[2].preContext as string[])[0]).toBe("pre10");
    expect((out[2].preContext as string[]).at(-1)).toBe("pre29");
    expect((out[2].postContext as string[])).toHaveLength(20);
    expect((out[2].postContext as string[])[0]).toBe("post0");
  });

  it("keeps the innermost 500 frames of a deep stack", () => {
    const frames = Array.from({ length: 800 }, (_, i) => ({ function: `f${i}`, lineno: i }));
    const out = main({ exception: { values: [{ type: "RangeError", stacktrace: { frames } }] } }).stackTrace as { function: string }[];
    expect(out).toHaveLength(500);
    expect(out[0].function).toBe("f300");
    expect(out.at(-1)?.function).toBe("f799");
  });

  it("omits the stack when there are no frames", () => {
    expect(main({ exception: { values: [{ type: "E", stacktrace: { frames: [] } }] } }).stackTrace).toBeUndefined();
    expect(main({ exception: { values: [{ type: "E", stacktrace: null }] } }).stackTrace).toBeUndefined();
  });

  it.each([[null], [undefined], ["event"], [42], [[{ message: "x" }]]])("rejects the non-object %s", (value) => {
    expect(() => mapSentryEvent(value)).toThrow(ApiError);
    expect(() => mapSentryEvent(value)).toThrow(/event payload must be a JSON object/);
  });
});

describe("mapSentryEvent: schema validity", () => {
  const huge = "x".repeat(20_000);
  const weird: unknown[] = [
    {},
    { exception: { values: [] } },
    { exception: { values: [null, 5, "x", { type: "   ", value: { nested: true } }] } },
    { exception: "nope", message: 12345, level: "FATAL", platform: "", environment: "  ", release: 1.2 },
    {
      event_id: "e".repeat(200),
      exception: { values: [{ type: huge, value: huge, stacktrace: { frames: [{ function: huge, filename: huge, abs_path: huge, module: huge, context_line: huge }] } }] },
      platform: huge,
      environment: huge,
      release: huge,
      user: { id: huge },
      contexts: { trace: { trace_id: huge } },
      tags: { agent_id: huge, [huge]: huge },
      fingerprint: [huge],
      logger: huge,
    },
    { message: { formatted: huge }, tags: [["a"], ["b", null], "c", ["d", "e", "f"]], timestamp: "2026-01-01T00:00:00Z" },
    { breadcrumbs: "none", request: "GET /", sdk: [], contexts: [], extra: 5, user: [], modules: null },
  ];

  it("produces schema-valid events for every fixture and for hostile input", () => {
    const inputs = [nodeExceptionEvent, browserAggregateEvent, browserMessageEvent, pythonLogEvent, ...weird];
    for (const input of inputs) {
      for (const event of map(input, { eventIdFallback: NODE_EVENT_ID })) {
        const result = IngestEventSchema.safeParse(event);
        if (!result.success) throw new Error(`${JSON.stringify(event).slice(0, 300)}\n${result.error.message}`);
        expect(IngestEventSchema.parse(event)).toBeTruthy();
      }
    }
  });

  it("keeps a long chain of huge exceptions schema-valid as well", () => {
    const values = Array.from({ length: 25 }, (_, i) => ({ type: i % 2 ? huge : undefined, value: huge, mechanism: { exception_id: i } }));
    const out = map({ exception: { values } }, { eventIdFallback: NODE_EVENT_ID });
    expect(out).toHaveLength(1);
    expect(out[0].exceptions).toHaveLength(MAX_CHAINED_EXCEPTIONS);
    for (const event of out) expect(() => IngestEventSchema.parse(event)).not.toThrow();
  });
});

describe("mapSentryEvent of values nested deeper than the stack", () => {
  it("shows a frame variable and a tag sent as such a value as the start of its JSON instead of throwing (a 500)", () => {
    const deep = JSON.parse("[".repeat(1_000_000) + "]".repeat(1_000_000));
    const [event] = mapSentryEvent({ level: "error", tags: { t: deep }, exception: { values: [{ type: "X", stacktrace: { frames: [{ function: "f", vars: { a: deep } }] } }] } }).events;
    expect(event.tags).toMatchObject({ t: expect.stringMatching(/^\[{1000}$/) });
    expect(JSON.stringify(event)).toContain(`"a":"${"[".repeat(256)}"`);
  });
});
