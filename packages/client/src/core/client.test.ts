import { afterEach, describe, expect, it } from "vitest";
import type { FaultlineEvent } from "./types.js";
import { captureException, captureMessage, close, flush, init, setContext, setTag, setUser } from "../entry/node.js";
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
