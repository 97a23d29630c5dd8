/** A minimal MessagePack encoder for tests: the shapes sentry-native writes (its event, its breadcrumbs). */
export function encodeMsgpack(value: unknown): Buffer {
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
  if (Array.isArray(value)) return Buffer.concat([Buffer.from([0xdc, 0, value.length]), ...value.map(encodeMsgpack)]);
  const entries = Object.entries(value as object);
  return Buffer.concat([Buffer.from([0xde, 0, entries.length]), ...entries.flatMap(([k, v]) => [encodeMsgpack(k), encodeMsgpack(v)])]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
