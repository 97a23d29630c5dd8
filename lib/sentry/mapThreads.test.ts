import { describe, expect, it } from "vitest";
import { eventSections } from "@/lib/errors/events/eventSections";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { MAX_ALL_THREAD_FRAMES, MAX_THREAD_FRAMES, MAX_THREADS, mapThreads } from "@/lib/sentry/mapThreads";
import { unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";

const frame = (module: string, fn: string, line: number, inApp: boolean) => ({ module, function: fn, filename: `${module.split(".").pop()}.kt`, lineno: line, in_app: inApp, vars: { secret: "x" }, pre_context: ["a"] });

/** An Android ANR as sentry-android reports it (ANRv2): the main thread blocked on a lock a worker holds. */
const anr = (workerFunction = "holdLock") => ({
  platform: "java",
  level: "fatal",
  exception: { values: [{ type: "ApplicationNotResponding", value: "Background ANR", thread_id: 2, mechanism: { type: "ANRv2", handled: false } }] },
  threads: {
    values: [
      { id: 9, name: "FinalizerDaemon", state: "Waiting", stacktrace: { frames: [frame("java.lang.Daemons", "run", 100, false)] } },
      {
        id: 2,
        name: "main",
        crashed: true,
        current: true,
        main: true,
        state: "Blocked",
        stacktrace: { frames: [frame("android.os.Looper", "loop", 200, false), frame("com.shop.app.CartActivity", "onResume", 30, true), frame("com.shop.app.Store", "read", 77, true)] },
        held_locks: { "0x0d3a2f0a": { type: 8, address: "0x0d3a2f0a", class_name: "Object", package_name: "java.lang", thread_id: 5 } },
      },
      { id: 5, name: "sync-worker", state: "Runnable", stacktrace: { frames: [frame("java.lang.Thread", "run", 1000, false), frame("com.shop.app.Sync", workerFunction, 12, true)] } },
    ],
  },
});

describe("an event's threads", () => {
  it("keeps every thread, the crashed one first, and marks the one whose stack is the event's", () => {
    const [event] = mapSentryEvent(anr()).events;
    const threads = (event.context?.sentry as { threads: unknown[] }).threads;
    expect(threads).toEqual([
      { id: "2", name: "main", state: "Blocked", crashed: true, current: true, main: true, isEventStack: true, locks: [{ kind: "blocked", className: "java.lang.Object", address: "0x0d3a2f0a", threadId: "5" }] },
      { id: "9", name: "FinalizerDaemon", state: "Waiting", frames: [{ module: "java.lang.Daemons", function: "run", filename: "Daemons.kt", lineno: 100, inApp: false }] },
      {
        id: "5",
        name: "sync-worker",
        state: "Runnable",
        frames: [
          { module: "java.lang.Thread", function: "run", filename: "Thread.kt", lineno: 1000, inApp: false },
          { module: "com.shop.app.Sync", function: "holdLock", filename: "Sync.kt", lineno: 12, inApp: true },
        ],
      },
    ]);
    // The event's own stack is still the crashed thread's.
    expect(event.stackTrace).toMatchObject([{ function: "loop" }, { function: "onResume" }, { function: "read" }]);
  });

  it("groups on the crashed thread only: another thread's stack changes nothing", () => {
    const a = prepareEvent(unpackStoreEvent(anr("holdLock"))[0]);
    const b = prepareEvent(unpackStoreEvent(anr("flushQueue"))[0]);
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it("keeps the crashed thread's frames when the exception carries its own stack", () => {
    const threads = mapThreads({ values: [{ id: 1, crashed: true, stacktrace: { frames: [frame("a.B", "c", 1, true)] } }] }, [], undefined);
    expect(threads?.[0].frames).toHaveLength(1);
    expect(threads?.[0].isEventStack).toBeUndefined();
  });

  it("is bounded: threads, frames per thread and frames over all threads", () => {
    const deep = { frames: Array.from({ length: 300 }, (_, i) => frame("a.B", `f${i}`, i + 1, false)) };
    const threads = mapThreads({ values: Array.from({ length: 100 }, (_, i) => ({ id: i, stacktrace: deep })) }, [], undefined)!;
    expect(threads).toHaveLength(MAX_THREADS);
    expect(threads[0].frames).toHaveLength(MAX_THREAD_FRAMES);
    // The innermost frames are kept.
    expect(threads[0].frames?.at(-1)?.function).toBe("f299");
    expect(threads[0].framesOmitted).toBe(300 - MAX_THREAD_FRAMES);
    expect(threads.reduce((n, t) => n + (t.frames?.length ?? 0), 0)).toBe(MAX_ALL_THREAD_FRAMES);
    expect(threads.at(-1)).toEqual({ id: "63", framesOmitted: 300 });
  });

  it("is undefined without threads and skips what is not a thread", () => {
    expect(mapThreads(undefined, [], undefined)).toBeUndefined();
    expect(mapThreads({ values: ["x", null] }, [], undefined)).toBeUndefined();
  });

  it("reads back for the event view, values checked", () => {
    const [event] = mapSentryEvent(anr()).events;
    const sections = eventSections({ sentry: event.context?.sentry }, null);
    expect(sections.threads.map((t) => [t.name, t.crashed, t.isEventStack, t.frames.length])).toEqual([
      ["main", true, true, 0],
      ["FinalizerDaemon", false, false, 1],
      ["sync-worker", false, false, 2],
    ]);
    expect(sections.threads[0].locks).toEqual([{ kind: "blocked", className: "java.lang.Object", address: "0x0d3a2f0a", threadId: "5" }]);
    expect(eventSections({ sentry: { threads: [{ name: 3, frames: "x", locks: [{ kind: "stolen" }], framesOmitted: -1 }, "junk"] } }, null).threads).toEqual([
      { id: null, name: "3", state: null, crashed: false, current: false, main: false, isEventStack: false, frames: [], framesOmitted: 0, locks: [] },
    ]);
  });
});
