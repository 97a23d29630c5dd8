#!/usr/bin/env node
// Bundles the ingest fast path (lib/intake/fastPath.ts and what it imports) into one ES module
// inside the build directory, for scripts/server.mjs, and writes the API route table beside it (the
// routes this build serves and the methods each takes: lib/openapi/apiRouteTable.ts), and the admin
// CLI's bundle for the container image (scripts/cliBundle.mjs). Run after `next build` (npm run
// build does).
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

import { apiRouteTableFile, cliBundleFile, distDir, fastPathBundle } from "./buildPaths.mjs";
import { bundleCli } from "./cliBundle.mjs";
import { nodeBundle } from "./nodeBundle.mjs";

const root = path.resolve(import.meta.dirname, "..");

export async function buildFastPath() {
  await build({ ...nodeBundle(root, "lib/intake/fastPath.ts"), outfile: fastPathBundle(), sourcemap: "linked" });
  await writeApiRouteTable();
  await bundleCli(root, cliBundleFile());
}

/** Runs lib/openapi/apiRouteTable.ts (bundled in memory) over this build's route manifests. */
async function writeApiRouteTable() {
  const { outputFiles } = await build({ ...nodeBundle(root, "lib/openapi/apiRouteTable.ts"), write: false });
  const { buildApiRouteTable } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString("base64")}`);
  fs.writeFileSync(apiRouteTableFile(), `${JSON.stringify(buildApiRouteTable(root, distDir()), null, 1)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildFastPath();
