/**
 * Decodes one MessagePack value (how sentry-native's Crashpad backend stores the event it uploads
 * beside the minidump). Untrusted input: nesting, item counts and lengths are bounded, and anything
 * malformed gives undefined rather than an exception. Extension types decode to null; 64-bit
 * integers beyond 2^53 lose precision (they are timestamps and counters here, never ids).
 */
export function decodeMsgpack(bytes: Buffer): unknown {
  try {
    const decoder = new Decoder(bytes);
    return decoder.value(0);
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}

/**
 * Decodes MessagePack values written one after another (sentry-native's Crashpad backend appends
 * each breadcrumb to a `__sentry-breadcrumb1`/`2` file that way): the values before the first
 * malformed or truncated one, at most `max`.
 */
export function decodeMsgpackSequence(bytes: Buffer, max: number): unknown[] {
  const decoder = new Decoder(bytes);
  const values: unknown[] = [];
  try {
    while (values.length < max && !decoder.done()) values.push(decoder.value(0));
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
  }
  return values;
}

const MAX_DEPTH = 32;
const MAX_ITEMS = 200_000;

class Malformed extends Error {}

class Decoder {
  private pos = 0;
  private items = 0;

  constructor(private readonly bytes: Buffer) {}

  done(): boolean {
    return this.pos >= this.bytes.length;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH || ++this.items > MAX_ITEMS) throw new Malformed();
    const b = this.u8();
    if (b <= 0x7f) return b;
    if (b >= 0xe0) return b - 0x100;
    if (b >= 0x80 && b <= 0x8f) return this.map(b & 0x0f, depth);
    if (b >= 0x90 && b <= 0x9f) return this.array(b & 0x0f, depth);
    if (b >= 0xa0 && b <= 0xbf) return this.str(b & 0x1f);
    switch (b) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xc4: return this.bin(this.u8());
      case 0xc5: return this.bin(this.u16());
      case 0xc6: return this.bin(this.u32());
      case 0xc7: return this.ext(this.u8());
      case 0xc8: return this.ext(this.u16());
      case 0xc9: return this.ext(this.u32());
      case 0xca: return this.read(4, (at) => this.bytes.readFloatBE(at));
      case 0xcb: return this.read(8, (at) => this.bytes.readDoubleBE(at));
      case 0xcc: return this.u8();
      case 0xcd: return this.u16();
      case 0xce: return this.u32();
      case 0xcf: return this.read(8, (at) => Number(this.bytes.readBigUInt64BE(at)));
      case 0xd0: return this.read(1, (at) => this.bytes.readInt8(at));
      case 0xd1: return this.read(2, (at) => this.bytes.readInt16BE(at));
      case 0xd2: return this.read(4, (at) => this.bytes.readInt32BE(at));
      case 0xd3: return this.read(8, (at) => Number(this.bytes.readBigInt64BE(at)));
      case 0xd4: return this.ext(1);
      case 0xd5: return this.ext(2);
      case 0xd6: return this.ext(4);
      case 0xd7: return this.ext(8);
      case 0xd8: return this.ext(16);
      case 0xd9: return this.str(this.u8());
      case 0xda: return this.str(this.u16());
      case 0xdb: return this.str(this.u32());
      case 0xdc: return this.array(this.u16(), depth);
      case 0xdd: return this.array(this.u32(), depth);
      case 0xde: return this.map(this.u16(), depth);
      case 0xdf: return this.map(this.u32(), depth);
      default: throw new Malformed(); // 0xc1 is never used
    }
  }

  private map(count: number, depth: number): Record<string, unknown> {
    if (count > MAX_ITEMS) throw new Malformed();
    const out: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const key = this.value(depth + 1);
      const value = this.value(depth + 1);
      if (typeof key === "string" || typeof key === "number") Object.defineProperty(out, String(key), { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private array(count: number, depth: number): unknown[] {
    if (count > MAX_ITEMS) throw new Malformed();
    const out: unknown[] = [];
    for (let i = 0; i < count; i++) out.push(this.value(depth + 1));
    return out;
  }

  private str(length: number): string {
    return this.read(length, (at) => this.bytes.toString("utf8", at, at + length));
  }

  private bin(length: number): string {
    return this.read(length, (at) => this.bytes.toString("base64", at, at + length));
  }

  private ext(length: number): null {
    this.read(1 + length, () => null);
    return null;
  }

  private u8(): number {
    return this.read(1, (at) => this.bytes[at]);
  }

  private u16(): number {
    return this.read(2, (at) => this.bytes.readUInt16BE(at));
  }

  private u32(): number {
    return this.read(4, (at) => this.bytes.readUInt32BE(at));
  }

  private read<T>(length: number, get: (at: number) => T): T {
    if (this.pos + length > this.bytes.length) throw new Malformed();
    const at = this.pos;
    this.pos += length;
    return get(at);
  }
}
