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
    // As sentry-python walks the tree: the group, its own context, then each member and its chain.
    const context = { type: "CancelledError", value: "", mechanism: { type: "chained", source: "__context__", exception_id: 1, parent_id: 0 } };
    const cause = { type: "ConnectionResetError", value: "peer reset", stacktrace: { frames: [frame("read", 5)] }, mechanism: { type: "chained", source: "__cause__", exception_id: 4, parent_id: 3 } };
    const chain = mapSentryEvent({ platform: "python", exception: { values: [cause, fetchFailed(3, 1, "acc_1"), storeFailed(2, 0, "acc_1"), context, group(2)] } }).events[0].exceptions!;
    expect(chain.map((e) => [e.type, e.relation ?? "raised"])).toEqual([
      ["ExceptionGroup", "raised"],
      ["CancelledError", "context"],
      ["KeyError", "member"],
      ["UpstreamError", "member"],
      ["ConnectionResetError", "cause"],
    ]);
  });

  it("keeps a member's cause with the member when the SDK gives it the group's id as parent (sentry-python), whichever task failed first", () => {
    // sentry-python numbers a member's __cause__ right after the member but sets its parent_id to 0, the group's.
    const causedBy = (type: string, id: number) => ({ type, value: "peer reset", stacktrace: { frames: [frame("read", 5)] }, mechanism: { type: "chained", source: "__cause__", exception_id: id, parent_id: 0 } });
    const fetchBlock = (id: number, index: number) => [fetchFailed(id, index, "acc_1"), causedBy("ConnectionResetError", id + 1)];
    const storeBlock = (id: number, index: number) => [storeFailed(id, index, "acc_1"), causedBy("ValueError", id + 1)];
    // Raised first as the SDK walks the tree, then reversed into the protocol's order.
    const fetchFirst = [group(2), ...fetchBlock(1, 0), ...storeBlock(3, 1)].reverse();
    const storeFirst = [group(2), ...storeBlock(1, 0), ...fetchBlock(3, 1)].reverse();
    const expected = ["ExceptionGroup", "KeyError", "ValueError", "UpstreamError", "ConnectionResetError"];
    expect(chainOf(...fetchFirst).map((t) => t.split(":")[0])).toEqual(expected);
    expect(chainOf(...storeFirst).map((t) => t.split(":")[0])).toEqual(expected);
  });

  it("tells members without frames apart by their messages (Go's errors.Join of errors.New values)", () => {
    const plain = (id: number, index: number, value: string) => ({ type: "*errors.errorString", value, mechanism: { type: "chained", source: `errors[${index}]`, exception_id: id, parent_id: 0 } });
    const join = { type: "*errors.joinError", value: "x", stacktrace: { frames: [frame("sync_all", 33)] }, mechanism: { type: "generic", exception_id: 0, is_exception_group: true } };
    const chain = chainOf(plain(2, 1, "stock for sku 12 is negative"), plain(1, 0, "price for sku 12 is 0"), join);
    expect(chain.slice(1)).toEqual(["*errors.errorString: price for sku 12 is 0", "*errors.errorString: stock for sku 12 is negative"]);
    // The same failure for another sku is still one member.
    expect(chainOf(plain(2, 1, "price for sku 99 is 0"), plain(1, 0, "price for sku 12 is 0"), join)).toHaveLength(2);
  });

  it("orders a hostile group of thousands of members, each with a cause, in linear time", () => {
    const values: object[] = [group(5000)];
    for (let id = 1; id < 10_000; id++) {
      values.push(id % 2 ? fetchFailed(id, id, `acc_${id}`) : { type: "ConnectionResetError", value: "peer reset", mechanism: { type: "chained", source: "__cause__", exception_id: id, parent_id: id - 1 } });
    }
    const started = performance.now();
    const chain = chainOf(...values.reverse());
    expect(chain[0]).toMatch(/^ExceptionGroup/);
    // Walking the parent ids from every member took some 6 s here.
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it("leaves a chain without exception ids, or that is not a group, as the SDK sent it", () => {
    const plain = (e: object) => ({ ...e, mechanism: { type: "chained", source: "__cause__" } });
    expect(chainOf(plain(storeFailed(2, 1, "a")), plain(fetchFailed(1, 0, "a")), { type: "RuntimeError", value: "x" }).map((t) => t.split(":")[0])).toEqual(["RuntimeError", "UpstreamError", "KeyError"]);
    const noIds = { ...group(2), mechanism: { type: "asyncio", is_exception_group: true } };
    expect(chainOf(storeFailed(2, 1, "a"), fetchFailed(1, 0, "a"), noIds).map((t) => t.split(":")[0])).toEqual(["ExceptionGroup", "UpstreamError", "KeyError"]);
  });
});
