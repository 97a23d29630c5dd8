import { describe, expect, it } from "vitest";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";

/** A frame of the app (the Python SDK's shape). */
const frame = (fn: string, lineno: number) => ({ filename: "sync/accounts.py", module: "sync.accounts", function: fn, lineno, in_app: true });

const fetchFailed = (id: number, index: number, account: string) => ({
  type: "UpstreamError",
  value: `502 from /accounts/${account}`,
  module: "sync.http",
  stacktrace: { frames: [frame("fetch_account", 18)] },
  mechanism: { type: "chained", source: `exceptions[${index}]`, exception_id: id, parent_id: 0 },
});
const storeFailed = (id: number, index: number, account: string) => ({
  type: "KeyError",
  value: `'${account}'`,
  stacktrace: { frames: [frame("store_account", 27)] },
  mechanism: { type: "chained", source: `exceptions[${index}]`, exception_id: id, parent_id: 0 },
});
const group = (count: number) => ({
  type: "ExceptionGroup",
  value: `unhandled errors in a TaskGroup (${count} sub-exceptions)`,
  stacktrace: { frames: [frame("sync_all", 33)] },
  mechanism: { type: "asyncio", handled: false, is_exception_group: true, exception_id: 0 },
});
/** The SDK lists the chain oldest first, the group (exception_id 0) last. */
const chainOf = (...values: object[]) => mapSentryEvent({ platform: "python", exception: { values } }).events[0].exceptions!.map((e) => `${e.type}: ${e.message}`);

describe("Sentry exception groups", () => {
  it("list their members in one order whichever task failed first, and a failure repeated by several tasks once", () => {
    const expected = ["ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)", "KeyError: 'acc_1'", "UpstreamError: 502 from /accounts/acc_1"];
    expect(chainOf(storeFailed(2, 1, "acc_1"), fetchFailed(1, 0, "acc_1"), group(2))).toEqual(expected);
    expect(chainOf(fetchFailed(2, 1, "acc_1"), storeFailed(1, 0, "acc_1"), group(2))).toEqual(expected);
    // Three tasks, two of them failing alike (for other accounts): the same two failures.
    expect(chainOf(fetchFailed(3, 2, "acc_9"), storeFailed(2, 1, "acc_1"), fetchFailed(1, 0, "acc_1"), group(3)).slice(1)).toEqual(expected.slice(1));
  });

  it("keeps what is chained under a member with it, and the group's own context right after the group", () => {
    const cause = { type: "ConnectionResetError", value: "peer reset", stacktrace: { frames: [frame("read", 5)] }, mechanism: { type: "chained", source: "__cause__", exception_id: 3, parent_id: 2 } };
    const context = { type: "CancelledError", value: "", mechanism: { type: "chained", source: "__context__", exception_id: 4, parent_id: 0 } };
    const chain = mapSentryEvent({ platform: "python", exception: { values: [context, cause, fetchFailed(2, 1, "acc_1"), storeFailed(1, 0, "acc_1"), group(2)] } }).events[0].exceptions!;
    expect(chain.map((e) => [e.type, e.relation ?? "raised"])).toEqual([
      ["ExceptionGroup", "raised"],
      ["CancelledError", "context"],
      ["KeyError", "cause"],
      ["UpstreamError", "cause"],
      ["ConnectionResetError", "cause"],
    ]);
  });

  it("leaves a chain without exception ids, or that is not a group, as the SDK sent it", () => {
    const plain = (e: object) => ({ ...e, mechanism: { type: "chained", source: "__cause__" } });
    expect(chainOf(plain(storeFailed(2, 1, "a")), plain(fetchFailed(1, 0, "a")), { type: "RuntimeError", value: "x" }).map((t) => t.split(":")[0])).toEqual(["RuntimeError", "UpstreamError", "KeyError"]);
    const noIds = { ...group(2), mechanism: { type: "asyncio", is_exception_group: true } };
    expect(chainOf(storeFailed(2, 1, "a"), fetchFailed(1, 0, "a"), noIds).map((t) => t.split(":")[0])).toEqual(["ExceptionGroup", "UpstreamError", "KeyError"]);
  });
});
