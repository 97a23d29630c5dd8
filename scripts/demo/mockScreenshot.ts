import { crc32, deflateSync } from "node:zlib";

type Rgb = [number, number, number];
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  color: Rgb;
}

/**
 * A small PNG that looks like a screenshot of a web page with an error banner (the feedback
 * widget's screenshot in the demo): drawn box by box, encoded as an 8-bit RGB PNG.
 */
export function mockScreenshot(width = 360, height = 240): Buffer {
  const boxes: Box[] = [
    { x: 0, y: 0, w: width, h: 28, color: [30, 41, 59] },
    { x: 12, y: 9, w: 60, h: 10, color: [248, 250, 252] },
    { x: 24, y: 48, w: 200, h: 14, color: [203, 213, 225] },
    { x: 24, y: 72, w: 312, h: 8, color: [226, 232, 240] },
    { x: 24, y: 88, w: 280, h: 8, color: [226, 232, 240] },
    { x: 24, y: 120, w: 312, h: 44, color: [254, 226, 226] },
    { x: 36, y: 134, w: 180, h: 10, color: [220, 38, 38] },
    { x: 24, y: 184, w: 96, h: 28, color: [37, 99, 235] },
  ];
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const box = boxes.findLast((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
      const [r, g, b] = box?.color ?? [255, 255, 255];
      rows.set([r, g, b], row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
