import fs from "node:fs/promises";
import path from "node:path";

/** Browsers ask for /favicon.ico on their own; answer with the SVG icon instead of a 404. */
export async function GET() {
  const svg = await fs.readFile(path.join(process.cwd(), "app", "icon.svg"));
  return new Response(new Uint8Array(svg), { headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" } });
}
