import { afterEach, describe, expect, it } from "vitest";
import type { FaultlineEvent } from "./types.js";
import { captureException, captureMessage, close, flush, getClient, init, setContext, setTag, setUser } from "../entry/node.js";
import { parseDsn } from "./dsn.js";

function capturingInit(options: Parameters<typeof init>[0] = {}) {
  const sent: { url: string; headers: Record<string, string>; events: FaultlineEvent[] }[] = [];
  init({
    url: "http://faultline.test/",
    key: "k-123",
    globalHandlers: false,
    flushIntervalMs: 1,
    fetch: async (url, req) => {
      sent.push({ url: String(url), headers: req?.headers as Record<string, string>, events: JSON.parse(String(req?.body)).events });
      return new Response("{}", { status: 202 });
    },
    ...options,
  });
  return sent;
}

afterEach(async () => {
  await close();
});

describe("client", () => {
  it("posts JSON to /api/v1/events with the key in a header (Node)", async () => {
    const sent = capturingInit({ environment: "staging", release: "1.2.3" });
    const id = captureException(new RangeError("out of range"));
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe("http://faultline.test/api/v1/events");
    expect(sent[0].headers).toMatchObject({ "content-type": "application/json", "x-faultline-key": "k-123" });
    expect(sent[0].events[0]).toMatchObject({ eventId: id, type: "RangeError", message: "out of range", environment: "staging", release: "1.2.3", platform: "javascript" });
    expect(sent[0].events[0].stackTrace).toContain("RangeError: out of range");
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it("carries user, tags and contexts; reports one Error object once", async () => {
    const sent = capturingInit({ tags: { app: "shop" } });
    setUser({ id: "u-7", email: "u7@example.com" });
    setTag("region", "eu");
    setContext("order", { id: "o-1", total: 12 });
    const error = new Error("checkout failed", { cause: new Error("card declined") });
    const first = captureException(error, { tags: { step: "pay" }, severity: "critical" });
    expect(captureException(error)).toBe(first);
    await flush();
    const events = sent.flatMap((s) => s.events);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      userId: "u-7",
      severity: "critical",
      tags: { app: "shop", region: "eu", step: "pay" },
      context: { order: { id: "o-1", total: 12 } },
      exceptions: [
        { type: "Error", message: "checkout failed" },
        { type: "Error", message: "card declined", relation: "cause" },
      ],
    });
    expect(events[0].exceptions![1].stackTrace).toMatch(/^Error: card declined\n\s+at /);
    expect(events[0].context).not.toHaveProperty("causes");
  });

  it("sends messages with a severity (Sentry-style levels mapped)", async () => {
    const sent = capturingInit();
    captureMessage("disk almost full", "warning");
    captureMessage("deploy finished");
    await flush();
    expect(sent.flatMap((s) => s.events).map((e) => [e.type, e.message, e.severity])).toEqual([
      ["Message", "disk almost full", "medium"],
      ["Message", "deploy finished", "low"],
    ]);
  });

  it("applies beforeSend (change or drop) and sampleRate", async () => {
    const sent = capturingInit({ beforeSend: (e) => (e.message.includes("secret") ? null : { ...e, tags: { ...e.tags, seen: true } }) });
    captureException(new Error("has secret"));
    captureException(new Error("plain"));
    await flush();
    expect(sent.flatMap((s) => s.events).map((e) => [e.message, e.tags?.seen])).toEqual([["plain", true]]);

    const none = capturingInit({ sampleRate: 0 });
    captureException(new Error("sampled out"));
    await flush();
    expect(none).toEqual([]);
  });

  it("describes thrown non-errors", async () => {
    const sent = capturingInit();
    captureException("just a string");
    captureException({ code: 42, reason: "nope" });
    await flush();
    const [a, b] = sent.flatMap((s) => s.events);
    expect(a).toMatchObject({ type: "Error", message: "just a string" });
    expect(b.message).toContain("code, reason");
    expect(b.context?.thrown).toEqual({ code: 42, reason: "nope" });
  });

  it("drops an event when beforeSend throws: what it failed to scrub is never sent", async () => {
    const sent = capturingInit({
      beforeSend: (e) => {
        const path = (e.context?.request as { path: string } | undefined)?.path;
        if (path === undefined && e.message === "no request") throw new TypeError("Cannot read properties of undefined");
        delete e.context?.user;
        return e;
      },
    });
    setUser({ id: "42", email: "alice@example.com" });
    captureException(new Error("no request"));
    captureException(new Error("scrubbed"), { context: { request: { path: "/" } } });
    await flush();
    const events = sent.flatMap((s) => s.events);
    expect(events.map((e) => e.message)).toEqual(["scrubbed"]);
    expect(JSON.stringify(events)).not.toContain("alice@example.com");
    expect(getClient()!.transport.stats.dropped).toBe(1);
  });

  it("flush(timeout) keeps its deadline while an async beforeSend is still running", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent = capturingInit({ beforeSend: async (e) => (await gate, e) });
    captureMessage("waits for beforeSend");
    const started = Date.now();
    expect(await flush(100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    release();
    expect(await flush()).toBe(true);
    expect(sent.flatMap((s) => s.events).map((e) => e.message)).toEqual(["waits for beforeSend"]);
  });

  it("counts reports waiting for beforeSend against maxQueueSize, dropping the oldest", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let seen = 0;
    const sent = capturingInit({ maxQueueSize: 5, beforeSend: async (e) => (seen++, await gate, e) });
    for (let i = 0; i < 20; i++) captureMessage(`m${i}`);
    release();
    expect(await flush()).toBe(true);
    // Only the 5 newest waited; the others were dropped before beforeSend ever saw them.
    expect(seen).toBe(5);
    expect(sent.flatMap((s) => s.events).map((e) => e.message)).toEqual(["m15", "m16", "m17", "m18", "m19"]);
    expect(getClient()!.transport.stats.dropped).toBe(15);
  });

  it("keeps an event with a huge context within the server's per-event limit, the error itself intact", async () => {
    const sent = capturingInit();
    // A query result attached as context: 100 rows × 30 columns × 4,000 characters ≈ 12 MB.
    const rows = Array.from({ length: 100 }, (_, i) => Object.fromEntries(Array.from({ length: 30 }, (_, c) => [`col${c}`, `row ${i} `.padEnd(4000, "x")])));
    const error = new Error("report failed");
    captureException(error, { context: { orderId: "o-17", query: { sql: "select * from orders", rows } }, metadata: { note: "kept" } });
    expect(await flush()).toBe(true);
    const [only] = sent.flatMap((s) => s.events);
    expect(new TextEncoder().encode(JSON.stringify(only)).length).toBeLessThan(300 * 1024);
    expect(only).toMatchObject({ type: "Error", message: "report failed", context: { orderId: "o-17", query: { sql: "select * from orders" } }, metadata: { note: "kept" } });
    expect(only.stackTrace).toBe(error.stack);
    expect(JSON.stringify(only.context)).toContain("[truncated]");
  });

  it("sends an event the server refused as too large once more, cut down, instead of losing it", async () => {
    const bodies: FaultlineEvent[][] = [];
    init({
      url: "http://faultline.test",
      key: "k",
      globalHandlers: false,
      flushIntervalMs: 1,
      fetch: async (_url, req) => {
        bodies.push(JSON.parse(String(req?.body)).events);
        return new Response("{}", { status: bodies.length === 1 ? 413 : 202 });
      },
    });
    captureException(new Error("too large for this server"), { context: { blob: "x".repeat(200_000) } });
    expect(await flush()).toBe(true);
    expect(bodies).toHaveLength(2);
    expect(bodies[1][0]).toMatchObject({ eventId: bodies[0][0].eventId, message: "too large for this server" });
    expect(JSON.stringify(bodies[1][0]).length).toBeLessThan(20 * 1024);
    expect(getClient()!.transport.stats).toMatchObject({ sent: 1, dropped: 0 });
  });

  it("falls back to the documented defaults for numeric options that are not finite numbers", async () => {
    const sent = capturingInit({ sampleRate: Number.NaN, maxBatchSize: 0, maxQueueSize: Number(undefined), flushIntervalMs: Number.NaN, maxAttempts: Infinity });
    expect(getClient()!.settings).toMatchObject({ sampleRate: 1, maxBatchSize: 1, maxQueueSize: 1000, flushIntervalMs: 1000, maxAttempts: 10 });
    captureMessage("sampleRate NaN sends everything");
    expect(await flush(2000)).toBe(true);
    // maxBatchSize 0 is one event per request, never an empty one.
    expect(sent.map((s) => s.events.length)).toEqual([1]);

    // An unbounded queue would keep all 1,500; the default bound is 1,000.
    const unanswered = ((_url: string, req: RequestInit) => new Promise((_, reject) => req.signal?.addEventListener("abort", () => reject(new Error("aborted"))))) as unknown as typeof fetch;
    init({ url: "http://faultline.test", key: "k", globalHandlers: false, flushIntervalMs: 3_600_000, maxQueueSize: Number.NaN, fetch: unanswered });
    for (let i = 0; i < 1500; i++) captureMessage(`m${i}`);
    expect(getClient()!.transport.size).toBe(1000);
    await close(0);
  });

  it("accepts the full ingest URL as url (the /api/v1/events path is not added twice)", async () => {
    const sent = capturingInit({ url: "http://faultline.test/api/v1/events" });
    captureMessage("to the right place");
    await flush();
    expect(sent[0].url).toBe("http://faultline.test/api/v1/events");
  });

  it("is a no-op without url and key", async () => {
    expect(init({ globalHandlers: false })).toBeUndefined();
    expect(captureException(new Error("nowhere"))).toBe("");
    expect(await flush()).toBe(true);
  });
});

describe("parseDsn", () => {
  it("reads the key and base URL, dropping a trailing project number", () => {
    expect(parseDsn("http://abc123@127.0.0.1:3000/1")).toEqual({ url: "http://127.0.0.1:3000", key: "abc123" });
    expect(parseDsn("https://k@errors.example.com/faultline")).toEqual({ url: "https://errors.example.com/faultline", key: "k" });
    expect(parseDsn("https://errors.example.com")).toBeNull();
    expect(parseDsn("not a url")).toBeNull();
  });
});
