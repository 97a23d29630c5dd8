import { describe, expect, it } from "vitest";
import { encodeMsgpack as encode } from "@/lib/sentry/__fixtures__/encodeMsgpack";
import { decodeMsgpack, decodeMsgpackSequence } from "@/lib/sentry/minidump/decodeMsgpack";

describe("decodeMsgpack", () => {
  it("decodes maps, arrays, strings, numbers, booleans and null", () => {
    const event = { release: "engine@2.1.0", environment: "production", level: "fatal", timestamp: 1764700000.25, tags: { gpu: "nvidia", retries: 3 }, user: { id: "u-7" }, flags: [true, false, null, -5] };
    expect(decodeMsgpack(encode(event))).toEqual(event);
  });

  it("returns undefined for truncated or malformed input, and never pollutes prototypes", () => {
    const bytes = encode({ release: "engine@2.1.0", tags: { a: "b" } });
    for (let cut = 0; cut < bytes.length; cut++) expect(decodeMsgpack(bytes.subarray(0, cut))).toBeUndefined();
    expect(decodeMsgpack(Buffer.from([0xc1]))).toBeUndefined();
    expect(decodeMsgpack(Buffer.from([0xdd, 0xff, 0xff, 0xff, 0xff]))).toBeUndefined(); // 4 billion items announced
    const nested = Buffer.concat([Buffer.alloc(100, 0x91), Buffer.from([0xc0])]); // 100 nested one-item arrays
    expect(decodeMsgpack(nested)).toBeUndefined();
    const polluted = decodeMsgpack(encode(JSON.parse('{"__proto__": {"admin": true}}'))) as Record<string, unknown>;
    expect(Object.hasOwn(polluted, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(polluted)).toBe(Object.prototype);
    expect(polluted.admin).toBeUndefined();
  });
});

describe("decodeMsgpackSequence", () => {
  it("decodes values written one after another, up to a bound, and stops at a truncated one", () => {
    const crumbs = [{ message: "a", timestamp: "2026-01-01T00:00:01Z" }, { message: "b" }, { message: "c" }];
    const bytes = Buffer.concat(crumbs.map(encode));
    expect(decodeMsgpackSequence(bytes, 10)).toEqual(crumbs);
    expect(decodeMsgpackSequence(bytes, 2)).toEqual(crumbs.slice(0, 2));
    expect(decodeMsgpackSequence(bytes.subarray(0, bytes.length - 1), 10)).toEqual(crumbs.slice(0, 2));
    expect(decodeMsgpackSequence(Buffer.alloc(0), 10)).toEqual([]);
  });
});
