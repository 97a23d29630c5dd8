import { describe, expect, it } from "vitest";
import type { FaultlineEvent } from "../core/types.js";
import { createFetchSender } from "./fetchSender.js";

const event = (context: Record<string, unknown> = {}): FaultlineEvent => ({ eventId: "e1", type: "Error", message: "m", occurredAt: new Date().toISOString(), context });

/** A fetch that records each call's keepalive flag and answers `answer` (or throws it). */
function recordingFetch(answer: (init: RequestInit) => Response | Error) {
  const calls: { keepalive?: boolean; bytes: number }[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    calls.push({ keepalive: init.keepalive, bytes: new TextEncoder().encode(String(init.body)).length });
    const result = answer(init);
    if (result instanceof Error) throw result;
    return result;
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

describe("the browser's fetch sender", () => {
  it("asks for keepalive only for bodies within 60,000 bytes of UTF-8, not 60,000 characters", async () => {
    const { calls, fetch } = recordingFetch(() => new Response("{}", { status: 202 }));
    const sender = createFetchSender({ url: "http://faultline.test", key: "k", auth: "query", fetch });
    await sender.send([event({ note: "short" })]);
    // ≈ 40,000 characters of CJK text: ≈ 120 KB of UTF-8, over the browser's 64 KiB keepalive quota.
    await sender.send([event({ text: "漢字のテキスト".repeat(5700) })]);
    expect(calls.map((c) => c.keepalive)).toEqual([true, false]);
    expect(calls[1].bytes).toBeGreaterThan(65_536);
  });

  it("sends again without keepalive when the browser refuses the keepalive request (TypeError)", async () => {
    const { calls, fetch } = recordingFetch((init) => (init.keepalive ? new TypeError("Failed to fetch") : new Response("{}", { status: 202 })));
    const sender = createFetchSender({ url: "http://faultline.test", key: "k", auth: "query", fetch });
    expect(await sender.send([event()])).toEqual({ kind: "ok", status: 202 });
    expect(calls.map((c) => c.keepalive)).toEqual([true, false]);
  });

  it("answers aborted when the transport cancels the request", async () => {
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))))) as unknown as typeof globalThis.fetch;
    const sender = createFetchSender({ url: "http://faultline.test", key: "k", auth: "header", fetch });
    const cancel = new AbortController();
    const sent = sender.send([event()], cancel.signal);
    cancel.abort();
    expect(await sent).toEqual({ kind: "aborted" });
  });
});
