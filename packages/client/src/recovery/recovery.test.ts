import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FaultlineEvent } from "../core/types.js";
import { captureException, circuitBreaker, close, CircuitOpenError, flush, init, TimeoutError, withFallback, withRetry, withTimeout } from "../entry/node.js";

/** A client whose requests land in `sent` (answered 202), so reports can be read back in order. */
let sent: FaultlineEvent[] = [];

beforeEach(() => {
  sent = [];
  init({
    url: "http://faultline.test",
    key: "test-key",
    globalHandlers: false,
    flushIntervalMs: 1,
    fetch: async (_url, init) => {
      sent.push(...(JSON.parse(String(init?.body)) as { events: FaultlineEvent[] }).events);
      return new Response("{}", { status: 202 });
    },
  });
});

afterEach(async () => {
  await close();
});

const failing = (n: number, make: (i: number) => Error = (i) => new Error(`attempt ${i} failed`)) => {
  let calls = 0;
  return async () => {
    calls++;
    if (calls <= n) throw make(calls);
    return `ok after ${calls}`;
  };
};

describe("withRetry", () => {
  it("reports nothing when the first attempt succeeds", async () => {
    expect(await withRetry(async () => 42)).toBe(42);
    await flush();
    expect(sent).toEqual([]);
  });

  it("reports the first failure with the recovery, and links later failed attempts to it", async () => {
    const value = await withRetry(failing(2), { attempts: 4, backoff: 1, name: "load-prices" });
    expect(value).toBe("ok after 3");
    await flush();
    expect(sent).toHaveLength(2);
    const [head, second] = sent;
    expect(head.message).toBe("attempt 1 failed");
    expect(head.recovery).toMatchObject({ recovered: true, method: "retry", automatic: true });
    expect(head.recovery!.durationMs).toBeGreaterThanOrEqual(0);
    expect(head.metadata).toMatchObject({ retry: { attempts: 3, maxAttempts: 4, attempt: 1 } });
    expect(head.tags).toMatchObject({ operation: "load-prices" });
    expect(second).toMatchObject({ message: "attempt 2 failed", parentEventId: head.eventId });
    expect(second.recovery).toBeUndefined();
  });

  it("throws the last error after the last attempt and reports recovered: false", async () => {
    await expect(withRetry(failing(5), { attempts: 3, backoff: 1 })).rejects.toThrow("attempt 3 failed");
    await flush();
    expect(sent.map((e) => e.message)).toEqual(["attempt 1 failed", "attempt 2 failed", "attempt 3 failed"]);
    expect(sent[0].recovery).toMatchObject({ recovered: false, method: "retry" });
    expect(sent.slice(1).every((e) => e.parentEventId === sent[0].eventId)).toBe(true);
  });

  it("stops early when retryIf says the error is not worth it, and reports nothing when nothing was retried", async () => {
    let calls = 0;
    const fn = async () => {
      calls++;
      throw new TypeError("bad input");
    };
    await expect(withRetry(fn, { attempts: 5, retryIf: (e) => !(e instanceof TypeError) })).rejects.toThrow("bad input");
    expect(calls).toBe(1);
    await flush();
    expect(sent).toEqual([]);
  });

  it("makes no further attempt once its signal aborts during the wait, and none at all when it aborted before", async () => {
    const abort = new AbortController();
    const calls: number[] = [];
    const started = Date.now();
    const run = withRetry(
      async (attempt) => {
        calls.push(attempt);
        throw new Error(`fail ${attempt}`);
      },
      { attempts: 5, backoff: "fixed", delayMs: 5000, jitter: false, signal: abort.signal, onRetry: () => void setTimeout(() => abort.abort(), 10) },
    );
    await expect(run).rejects.toThrow("fail 1");
    expect(calls).toEqual([1]);
    expect(Date.now() - started).toBeLessThan(4000);
    await flush();
    expect(sent.map((e) => [e.message, e.recovery?.recovered])).toEqual([["fail 1", false]]);

    const already = new AbortController();
    already.abort(new Error("cancelled by the user"));
    let called = false;
    await expect(withRetry(async () => (called = true), { signal: already.signal })).rejects.toThrow("cancelled by the user");
    expect(called).toBe(false);
  });

  it("uses the defaults for attempts and delays that are not finite numbers", async () => {
    let calls = 0;
    // (An endless loop would stop at 10 calls.)
    const fn = async () => (++calls > 10 ? "runaway" : Promise.reject(new Error(`try ${calls}`)));
    await expect(withRetry(fn, { attempts: Number.NaN, delayMs: Number.NaN, backoff: "fixed", maxDelayMs: 1 })).rejects.toThrow("try 3");
    expect(calls).toBe(3);
  });

  it("keeps every wait within maxDelayMs, jitter included", async () => {
    const delays: number[] = [];
    await expect(withRetry(async () => Promise.reject(new Error("x")), { attempts: 20, backoff: "fixed", delayMs: 10, maxDelayMs: 10, onRetry: (_e, _a, ms) => delays.push(ms) })).rejects.toThrow();
    expect(delays).toHaveLength(19);
    expect(Math.max(...delays)).toBeLessThanOrEqual(10);
  });
});

describe("withTimeout", () => {
  it("throws a TimeoutError past the deadline, aborts the signal and reports recovered: false", async () => {
    let aborted = false;
    const hang = (signal: AbortSignal) =>
      new Promise<string>(() => {
        signal.addEventListener("abort", () => (aborted = true));
      });
    await expect(withTimeout(hang, 20, { name: "slow-report" })).rejects.toBeInstanceOf(TimeoutError);
    expect(aborted).toBe(true);
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: "TimeoutError", recovery: { recovered: false, method: "timeout", automatic: true } });
    expect(sent[0].recovery!.durationMs).toBeGreaterThanOrEqual(15);
  });

  it("takes any length: Infinity is no deadline, one past a timer's range (24.8 days) is not a timeout at once", async () => {
    const later = () => new Promise<string>((resolve) => setTimeout(() => resolve("done"), 20));
    expect(await withTimeout(later, Infinity)).toBe("done");
    expect(await withTimeout(later, 30 * 24 * 3600_000)).toBe("done");
    await flush();
    expect(sent).toEqual([]);
  });

  it("rejects NaN and negative deadlines at once with a RangeError, without calling fn or reporting", async () => {
    let called = false;
    for (const ms of [Number.NaN, -5]) {
      await expect(withTimeout(async () => (called = true), ms)).rejects.toBeInstanceOf(RangeError);
    }
    expect(called).toBe(false);
    await flush();
    expect(sent).toEqual([]);
  });

  it("passes through results and errors that come in time, unreported", async () => {
    expect(await withTimeout(async () => "fast", 1000)).toBe("fast");
    await expect(withTimeout(async () => Promise.reject(new Error("own failure")), 1000)).rejects.toThrow("own failure");
    await flush();
    expect(sent).toEqual([]);
  });
});

describe("withFallback", () => {
  it("answers with the fallback and reports recovered: true", async () => {
    const value = await withFallback(async () => Promise.reject(new Error("cache down")), (error) => `default (${(error as Error).message})`);
    expect(value).toBe("default (cache down)");
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ message: "cache down", recovery: { recovered: true, method: "fallback", automatic: true } });
  });

  it("reports recovered: false with the fallback's error linked when the fallback throws too", async () => {
    await expect(
      withFallback(
        async () => Promise.reject(new Error("primary down")),
        async () => Promise.reject(new Error("secondary down")),
      ),
    ).rejects.toThrow("secondary down");
    await flush();
    expect(sent.map((e) => e.message)).toEqual(["primary down", "secondary down"]);
    expect(sent[0].recovery).toMatchObject({ recovered: false, method: "fallback" });
    expect(sent[1].parentEventId).toBe(sent[0].eventId);
  });
});

describe("errors reported before a helper sees them", () => {
  it("an error the app captured and rethrew is not reported again by withFallback", async () => {
    const getPrice = async () => {
      try {
        throw new Error("price service 500");
      } catch (error) {
        captureException(error);
        throw error;
      }
    };
    expect(await withFallback(getPrice, 9.99, { name: "price" })).toBe(9.99);
    await flush();
    expect(sent.map((e) => e.message)).toEqual(["price service 500"]);
  });

  it("the fallback's own error links to the event the app captured", async () => {
    const primary = new Error("primary down");
    const id = captureException(primary);
    await expect(withFallback(() => Promise.reject(primary), () => Promise.reject(new Error("secondary down")))).rejects.toThrow("secondary down");
    await flush();
    expect(sent.map((e) => [e.message, e.parentEventId])).toEqual([
      ["primary down", undefined],
      ["secondary down", id],
    ]);
  });

  it("the same Error thrown by every attempt is reported once", async () => {
    const shared = new Error("shared singleton");
    await expect(withRetry(async () => Promise.reject(shared), { attempts: 3, backoff: 1 })).rejects.toBe(shared);
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ message: "shared singleton", recovery: { recovered: false, method: "retry" }, metadata: { retry: { attempts: 3, failures: 3 } } });
  });
});

describe("nested helpers", () => {
  it("fallback around retry sends one outcome: the fallback's, with the retry's in the chain", async () => {
    const value = await withFallback(() => withRetry(failing(10), { attempts: 2, backoff: 1 }), "cached");
    expect(value).toBe("cached");
    await flush();
    expect(sent.map((e) => e.message)).toEqual(["attempt 1 failed", "attempt 2 failed"]);
    const [head, child] = sent;
    expect(head.recovery).toMatchObject({ recovered: true, method: "fallback" });
    expect(head.metadata?.recoveryChain).toEqual([expect.objectContaining({ recovered: false, method: "retry" })]);
    expect(child.parentEventId).toBe(head.eventId);
    expect(child.recovery).toBeUndefined();
  });

  it("retry around timeout reports the timeouts as the retry's failures, not on their own", async () => {
    let calls = 0;
    const value = await withRetry(
      () =>
        withTimeout(async () => {
          calls++;
          if (calls < 3) await new Promise((r) => setTimeout(r, 200));
          return "in time";
        }, 20),
      { attempts: 3, backoff: 1 },
    );
    expect(value).toBe("in time");
    await flush();
    expect(sent).toHaveLength(2);
    expect(sent.every((e) => e.type === "TimeoutError")).toBe(true);
    expect(sent[0].recovery).toMatchObject({ recovered: true, method: "retry" });
    expect(sent[0].metadata?.recoveryChain).toEqual([expect.objectContaining({ method: "timeout", recovered: false })]);
    expect(sent[1]).toMatchObject({ parentEventId: sent[0].eventId });
  });

  it("an error a helper reported is not sent again by captureException", async () => {
    const error = new Error("once only");
    await expect(withRetry(async () => Promise.reject(error), { attempts: 1 })).rejects.toBe(error);
    const id = captureException(error);
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0].eventId).toBe(id);
  });
});

describe("circuitBreaker", () => {
  // The breaker's clock is Date.now(): moved by hand, so a slow machine never lets a period run out early.
  const start = new Date("2026-12-07T10:00:00.000Z").getTime();
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("opens after threshold failures, refuses calls, and reports the recovery when a trial succeeds", async () => {
    let healthy = false;
    const states: string[] = [];
    const call = circuitBreaker(
      async (x: number) => {
        if (!healthy) throw new Error("payments down");
        return x * 2;
      },
      { threshold: 2, resetAfter: 30_000, name: "payments", onStateChange: (s) => states.push(s) },
    );
    await expect(call(1)).rejects.toThrow("payments down");
    await expect(call(1)).rejects.toThrow("payments down");
    expect(call.state).toBe("open");
    await expect(call(1)).rejects.toBeInstanceOf(CircuitOpenError);
    await flush();
    expect(sent).toEqual([]);

    vi.setSystemTime(start + 29_999);
    expect(call.state).toBe("open");
    await expect(call(1)).rejects.toBeInstanceOf(CircuitOpenError);
    vi.setSystemTime(start + 30_000);
    expect(call.state).toBe("half-open");
    healthy = true;
    expect(await call(21)).toBe(42);
    expect(call.state).toBe("closed");
    expect(states).toEqual(["open", "half-open", "closed"]);
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ message: "payments down", tags: { operation: "payments" }, recovery: { recovered: true, method: "circuit_breaker", automatic: true } });
    expect(sent[0].recovery!.durationMs).toBe(30_000);
  });

  it("a failed trial reports recovered: false and the next open period links to it", async () => {
    let healthy = false;
    const call = circuitBreaker(async () => {
      if (!healthy) throw new Error("still down");
      return "up";
    }, { threshold: 1, resetAfter: 20_000 });
    await expect(call()).rejects.toThrow();
    vi.setSystemTime(start + 20_000);
    await expect(call()).rejects.toThrow("still down");
    vi.setSystemTime(start + 40_000);
    healthy = true;
    expect(await call()).toBe("up");
    await flush();
    expect(sent).toHaveLength(2);
    expect(sent[0].recovery).toMatchObject({ recovered: false, method: "circuit_breaker" });
    expect(sent[1]).toMatchObject({ parentEventId: sent[0].eventId, recovery: { recovered: true, method: "circuit_breaker" } });
  });

  it("reset() during a trial call: the stale trial's failure does not open the circuit again", async () => {
    let fail: (error: Error) => void = () => {};
    const call = circuitBreaker(() => new Promise<string>((_, reject) => (fail = reject)), { threshold: 1, resetAfter: 10 });
    const first = call();
    fail(new Error("down"));
    await expect(first).rejects.toThrow("down");
    vi.setSystemTime(start + 10);
    const trial = call();
    expect(call.state).toBe("half-open");
    call.reset();
    expect(call.state).toBe("closed");
    fail(new Error("stale trial fails"));
    await expect(trial).rejects.toThrow("stale trial fails");
    expect(call.state).toBe("closed");
  });

  it("uses the defaults for threshold and resetAfter that are not finite numbers", async () => {
    const call = circuitBreaker(async () => Promise.reject(new Error("x")), { threshold: Number.NaN, resetAfter: Number.NaN });
    for (let i = 0; i < 4; i++) await expect(call()).rejects.toThrow("x");
    expect(call.state).toBe("closed");
    await expect(call()).rejects.toThrow("x");
    expect(call.state).toBe("open");
    await expect(call()).rejects.toBeInstanceOf(CircuitOpenError);
    vi.setSystemTime(start + 30_000);
    expect(call.state).toBe("half-open");
  });

  it("fallback around an open circuit answers without reporting each refused call", async () => {
    const call = circuitBreaker(async () => Promise.reject(new Error("down")), { threshold: 1, resetAfter: 60_000 });
    await expect(call()).rejects.toThrow("down");
    for (let i = 0; i < 5; i++) expect(await withFallback(() => call(), "degraded")).toBe("degraded");
    await flush();
    expect(sent).toEqual([]);
  });
});
