#!/usr/bin/env node
// Bundles the ingest fast path (lib/intake/fastPath.ts and what it imports) into one ES module
// inside the build directory, for scripts/server.mjs. Run after `next build` (npm run build does).
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");

export function fastPathBundle() {
  return path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "faultline", "fastPath.mjs");
}

export async function buildFastPath() {
  await build({
    entryPoints: [path.join(root, "lib", "intake", "fastPath.ts")],
    outfile: fastPathBundle(),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // node_modules stay imports: the same pg, Prisma runtime and prom-client instances as Next.js uses.
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    sourcemap: "linked",
    logLevel: "warning",
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildFastPath();
