import zlib from "node:zlib";

/**
 * The on-disk record format of the spool: `[u32 length][u32 crc32][payload]`, big-endian, one after
 * the other in append-only segment files. A crash can leave only the last record torn (its append
 * never returned, so it was never acknowledged): reading stops there.
 */
const HEADER = 8;
/** No record is larger than a 20 MiB envelope's events plus JSON overhead. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export function encodeFrame(payload: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(HEADER + payload.length);
  frame.writeUInt32BE(payload.length, 0);
  frame.writeUInt32BE(zlib.crc32(payload), 4);
  payload.copy(frame, HEADER);
  return frame;
}

export interface DecodedFrames {
  payloads: Buffer[];
  /** Bytes of whole, valid records; anything after is a torn or corrupt tail. */
  validBytes: number;
  /** True when bytes after `validBytes` were not a valid record. */
  tornTail: boolean;
}

export function decodeFrames(data: Buffer): DecodedFrames {
  const payloads: Buffer[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data.length - pos < HEADER) break;
    const length = data.readUInt32BE(pos);
    const crc = data.readUInt32BE(pos + 4);
    if (length > MAX_FRAME_BYTES || pos + HEADER + length > data.length) break;
    const payload = data.subarray(pos + HEADER, pos + HEADER + length);
    if (zlib.crc32(payload) !== crc) break;
    payloads.push(payload);
    pos += HEADER + length;
  }
  return { payloads, validBytes: pos, tornTail: pos < data.length };
}
