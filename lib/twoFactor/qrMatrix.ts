import { encode } from "uqr";

/**
 * The modules of a QR code for `text` (true = dark), with a quiet zone of 4 modules as the standard
 * asks, at error correction level M; and one SVG path drawing the dark ones (a 1×1 square each), so
 * the account page renders it inline — no image request, nothing for the CSP to allow.
 */
export function qrMatrix(text: string): boolean[][] {
  return encode(text, { ecc: "M", border: 4 }).data;
}

export function qrSvgPath(matrix: boolean[][]): string {
  let path = "";
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return path;
}
