import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { otpauthUri } from "@/lib/twoFactor/otpauthUri";
import { qrMatrix, qrSvgPath } from "@/lib/twoFactor/qrMatrix";
import { newTotpSecret } from "@/lib/twoFactor/totp";

/** Rasterises the matrix (scale px per module, dark = black) as RGBA, as a phone camera would see the page. */
function rasterise(matrix: boolean[][], scale: number): { data: Uint8ClampedArray; size: number } {
  const size = matrix.length * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = matrix[Math.floor(y / scale)][Math.floor(x / scale)] ? 0 : 255;
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return { data, size };
}

describe("the setup QR code", () => {
  it("reads back, with a decoder, as the otpauth URI it was made from", () => {
    const uri = otpauthUri({ secret: newTotpSecret(), email: "someone.with.a.long.name+faultline@example-company.co.uk", issuer: "Faultline (errors.example-company.co.uk)" });
    const matrix = qrMatrix(uri);
    const { data, size } = rasterise(matrix, 4);
    expect(jsQR(data, size, size)?.data).toBe(uri);
  });

  it("draws one unit square per dark module, inside a quiet zone", () => {
    const matrix = qrMatrix("otpauth://totp/Faultline:a@b.c?secret=JBSWY3DPEHPK3PXP");
    const dark = matrix.flat().filter(Boolean).length;
    expect(qrSvgPath(matrix).match(/M/g)).toHaveLength(dark);
    for (const row of [...matrix.slice(0, 4), ...matrix.slice(-4)]) expect(row.some(Boolean)).toBe(false);
    expect(matrix.every((row) => row.slice(0, 4).every((m) => !m))).toBe(true);
  });
});
