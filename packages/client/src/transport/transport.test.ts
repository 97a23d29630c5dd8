import { describe, expect, it } from "vitest";
import { waitUntil } from "../testing/waitUntil.js";
import type { FaultlineEvent } from "../core/types.js";
import type { Connectivity, QueueStorage, Sender, SendResult } from "./sender.js";
import { Transport, type TransportOptions } from "./transport.js";

const event = (id: string): FaultlineEvent => ({ eventId: id, type: "Error", message: id, occurredAt: new Date().toISOString() });

/** A sender whose requests never get an answer: they end only when the transport aborts them. */
function hangingSender(): Sender & { requests: { ids: string[]; signal?: AbortSignal }[] } {
  const requests: { ids: string[]; signal?: AbortSignal }[] = [];
  return {
    requests,
    send(events, signal) {
      requests.push({ ids: events.map((e) => e.eventId), signal });
      return new Promise<SendResult>((resolve) => signal?.addEventListener("abort", () => resolve({ kind: "aborted" })));
    },
  };
}

/** A sender answering from a script (then "ok"), recording each request's event ids and time. */
function scriptedSender(script: SendResult[] = []): Sender & { requests: { ids: string[]; at: number }[] } {
  const requests: { ids: string[]; at: number }[] = [];
  return {
    requests,
    async send(events) {
      requests.push({ ids: events.map((e) => e.eventId), at: Date.now() });
      return script.shift() ?? { kind: "ok", status: 202 };
    },
  };
}

const options = (over: Partial<TransportOptions> = {}): TransportOptions => ({
  maxQueueSize: 100,
  maxBatchSize: 10,
  flushIntervalMs: 5,
  maxAttempts: 5,
  maxBackoffMs: 50,
  random: () => 0.5,
  ...over,
});

describe("Transport", () => {
  it("batches events and resolves flush once everything was answered", async () => {
    const sender = scriptedSender();
    const t = new Transport(sender, options({ flushIntervalMs: 10_000 }));
    t.enqueue([event("a"), event("b")]);
    t.enqueue([event("c")]);
    expect(await t.flush()).toBe(true);
    expect(sender.requests.map((r) => r.ids)).toEqual([["a", "b", "c"]]);
    expect(t.size).toBe(0);
  });

  it("splits into batches of maxBatchSize, in capture order", async () => {
    const sender = scriptedSender();
    const t = new Transport(sender, options({ maxBatchSize: 2 }));
    t.enqueue(["1", "2", "3", "4", "5"].map(event));
    await t.flush();
    expect(sender.requests.map((r) => r.ids)).toEqual([["1", "2"], ["3", "4"], ["5"]]);
  });

  it("waits as long as Retry-After asks on 429 and 503, then sends the same events again", async () => {
    const sender = scriptedSender([
      { kind: "retry", status: 503, retryAfterMs: 60, reason: "HTTP 503" },
      { kind: "retry", status: 429, retryAfterMs: 40, reason: "HTTP 429" },
    ]);
    const t = new Transport(sender, options());
    t.enqueue([event("x"), event("y")]);
    expect(await t.flush()).toBe(true);
    const [first, second, third] = sender.requests;
    expect(sender.requests.map((r) => r.ids)).toEqual([["x", "y"], ["x", "y"], ["x", "y"]]);
    expect(second.at - first.at).toBeGreaterThanOrEqual(55);
    expect(third.at - second.at).toBeGreaterThanOrEqual(35);
    expect(t.stats).toMatchObject({ sent: 2, retries: 2, dropped: 0 });
  });

  it("backs off exponentially without Retry-After and gives up after maxAttempts", async () => {
    const failing: SendResult = { kind: "retry", status: 500, reason: "HTTP 500" };
    const sender = scriptedSender([failing, failing, failing]);
    const t = new Transport(sender, options({ maxAttempts: 3, maxBackoffMs: 20 }));
    t.enqueue([event("z")]);
    expect(await t.flush()).toBe(true);
    expect(sender.requests).toHaveLength(3);
    expect(t.stats.dropped).toBe(1);
  });

  it("drops what the server refuses for good, and halves batches on 413", async () => {
    const sender = scriptedSender([{ kind: "tooLarge" }, { kind: "drop", status: 422, reason: "HTTP 422" }]);
    const t = new Transport(sender, options());
    t.enqueue(["a", "b", "c", "d"].map(event));
    await t.flush();
    expect(sender.requests.map((r) => r.ids)).toEqual([["a", "b", "c", "d"], ["a", "b"], ["c", "d"]]);
    expect(t.stats).toMatchObject({ sent: 2, dropped: 2 });
  });

  it("keeps a bounded queue, dropping the oldest", async () => {
    const sender = scriptedSender();
    const t = new Transport(sender, options({ maxQueueSize: 3, flushIntervalMs: 10_000, maxBatchSize: 100 }));
    t.enqueue(["1", "2", "3", "4", "5"].map(event));
    expect(t.size).toBe(3);
    await t.flush();
    expect(sender.requests[0].ids).toEqual(["3", "4", "5"]);
    expect(t.stats.dropped).toBe(2);
  });

  it("never queues one event id twice", async () => {
    const sender = scriptedSender();
    const t = new Transport(sender, options({ flushIntervalMs: 10_000 }));
    t.enqueue([event("same"), event("same")]);
    t.enqueue([event("same")]);
    await t.flush();
    expect(sender.requests[0].ids).toEqual(["same"]);
  });

  it("waits for connectivity while offline, without using up attempts, and drains when back", async () => {
    let online = false;
    let wake = () => {};
    const connectivity: Connectivity = { isOnline: () => online, onOnline: (cb) => (wake = cb) };
    const sender = scriptedSender();
    const t = new Transport(sender, options({ maxAttempts: 1 }), undefined, connectivity);
    t.enqueue([event("o1"), event("o2")]);
    expect(await t.flush(50)).toBe(false);
    expect(sender.requests).toHaveLength(0);
    online = true;
    wake();
    expect(await t.flush()).toBe(true);
    expect(sender.requests.map((r) => r.ids)).toEqual([["o1", "o2"]]);
  });

  it("mirrors the queue to storage and sends what an earlier page left there", async () => {
    let stored: FaultlineEvent[] = [event("left-over")];
    const storage: QueueStorage = { load: () => stored, save: (events) => (stored = events) };
    const sender = scriptedSender([{ kind: "retry", status: 503, retryAfterMs: 30, reason: "HTTP 503" }]);
    const t = new Transport(sender, options({ flushIntervalMs: 10_000 }), storage);
    t.enqueue([event("new")]);
    await Promise.resolve();
    expect(stored.map((e) => e.eventId)).toEqual(["left-over", "new"]);
    await t.flush();
    expect(sender.requests.at(-1)?.ids).toEqual(["left-over", "new"]);
    await Promise.resolve();
    expect(stored).toEqual([]);
  });

  it("lets go of the process once no flush waits, also when the flush timed out (Node)", async () => {
    const alive = new Map<unknown, boolean>();
    let lastTimer: unknown;
    const sender = scriptedSender([{ kind: "retry", status: 503, retryAfterMs: 10_000, reason: "HTTP 503" }]);
    const t = new Transport(sender, options({ keepAlive: (timer, on) => (alive.set(timer, on), (lastTimer = timer)) }));
    t.enqueue([event("held")]);
    expect(await t.flush(30)).toBe(false);
    expect(sender.requests).toHaveLength(1);
    // The retry waits 10 s on a timer that must not hold the process any more.
    expect(alive.get(lastTimer)).toBe(false);
    t.stop();
  });

  it("stop() cancels the request in flight and every timer; waiting flushes resolve false, nothing is accepted after", async () => {
    const sender = hangingSender();
    const t = new Transport(sender, options({ flushIntervalMs: 10_000 }));
    t.enqueue([event("s1")]);
    const flushed = t.flush();
    await waitUntil(() => sender.requests.length === 1);
    t.stop();
    expect(await flushed).toBe(false);
    expect(sender.requests[0].signal?.aborted).toBe(true);
    const size = t.size;
    t.enqueue([event("s2")]);
    expect(t.size).toBe(size);
    expect(await t.flush(10)).toBe(false);
  });

  it("abortRequest() cancels the request in flight: its events stay queued without using an attempt", async () => {
    let calls = 0;
    const hanging = hangingSender();
    const sender: Sender = { send: (events, signal) => (++calls === 1 ? hanging.send(events, signal) : Promise.resolve({ kind: "ok", status: 202 })) };
    const t = new Transport(sender, options({ maxAttempts: 1 }));
    t.enqueue([event("a1")]);
    await waitUntil(() => hanging.requests.length === 1);
    t.abortRequest();
    expect(await t.flush()).toBe(true);
    expect(calls).toBe(2);
    expect(t.stats).toMatchObject({ sent: 1, dropped: 0, queued: 1 });
  });

  it("sends a one-event batch the server refused as too large once more, cut down; drops it if refused again", async () => {
    const shrink = (e: FaultlineEvent): FaultlineEvent => ({ ...e, message: `${e.message} (cut down)` });
    const once = scriptedSender([{ kind: "tooLarge" }]);
    const t = new Transport(once, options({ shrink }));
    t.enqueue([event("big")]);
    expect(await t.flush()).toBe(true);
    expect(once.requests.map((r) => r.ids)).toEqual([["big"], ["big"]]);
    expect(t.stats).toMatchObject({ sent: 1, dropped: 0 });

    const twice = scriptedSender([{ kind: "tooLarge" }, { kind: "tooLarge" }]);
    const t2 = new Transport(twice, options({ shrink }));
    t2.enqueue([event("huge")]);
    expect(await t2.flush()).toBe(true);
    expect(twice.requests).toHaveLength(2);
    expect(t2.stats).toMatchObject({ sent: 0, dropped: 1 });
  });

  it("never sends an empty batch, whatever maxBatchSize says", async () => {
    const sender = scriptedSender();
    const t = new Transport(sender, options({ maxBatchSize: 0 }));
    t.enqueue([event("one")]);
    expect(await t.flush(1000)).toBe(true);
    expect(sender.requests.map((r) => r.ids)).toEqual([["one"]]);
  });

  it("hands the queue to sendBeacon at page hide after a 5xx or network error (only Retry-After keeps it)", async () => {
    const beaconed: string[][] = [];
    const sender = { ...scriptedSender([{ kind: "retry", status: 502, reason: "HTTP 502" }]), beacon: (events: FaultlineEvent[]) => (beaconed.push(events.map((e) => e.eventId)), true) };
    const t = new Transport(sender, options({ maxBackoffMs: 10_000 }));
    t.enqueue([event("after-502")]);
    expect(await t.flush(30)).toBe(false);
    expect(t.beaconAll()).toBe(1);
    expect(beaconed).toEqual([["after-502"]]);
    t.stop();
  });

  it("hands the queue to sendBeacon at page hide, except while the server asked to wait", async () => {
    const beaconed: string[][] = [];
    const sender = { ...scriptedSender([{ kind: "retry", status: 429, retryAfterMs: 10_000, reason: "HTTP 429" }]), beacon: (events: FaultlineEvent[]) => (beaconed.push(events.map((e) => e.eventId)), true) };
    const t = new Transport(sender, options({ flushIntervalMs: 10_000 }));
    t.enqueue([event("b1"), event("b2")]);
    expect(t.beaconAll()).toBe(2);
    expect(beaconed).toEqual([["b1", "b2"]]);
    expect(t.size).toBe(0);

    t.enqueue([event("b3")]);
    await t.flush(30);
    expect(t.beaconAll()).toBe(0);
    expect(t.size).toBe(1);
  });
});
