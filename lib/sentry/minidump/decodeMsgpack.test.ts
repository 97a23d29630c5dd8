import { describe, expect, it } from "vitest";
import { decodeMsgpack } from "@/lib/sentry/minidump/decodeMsgpack";

/** A minimal MessagePack encoder for the test: the shapes sentry-native writes. */
function encode(value: unknown): Buffer {
  if (value === null) return Buffer.from([0xc0]);
  if (typeof value === "boolean") return Buffer.from([value ? 0xc3 : 0xc2]);
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 0 && value < 128) return Buffer.from([value]);
    if (Number.isInteger(value) && value >= -32 && value < 0) return Buffer.from([value + 0x100]);
    if (Number.isInteger(value) && value >= 0 && value < 2 ** 32) return Buffer.concat([Buffer.from([0xce]), u32(value)]);
    const b = Buffer.alloc(9);
    b[0] = 0xcb;
    b.writeDoubleBE(value, 1);
    return b;
  }
  if (typeof value === "string") {
    const s = Buffer.from(value);
    return Buffer.concat([s.length < 32 ? Buffer.from([0xa0 | s.length]) : Buffer.from([0xd9, s.length]), s]);
  }
  if (Array.isArray(value)) return Buffer.concat([Buffer.from([0xdc, 0, value.length]), ...value.map(encode)]);
  const entries = Object.entries(value as object);
  return Buffer.concat([Buffer.from([0xde, 0, entries.length]), ...entries.flatMap(([k, v]) => [encode(k), encode(v)])]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

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
