// The esbuild options every bundle of the checkout's TypeScript for Node shares (the ingest fast path,
// the API route table, the admin CLI). No esbuild import: the caller builds.
import path from "node:path";

/**
 * One ES module for Node of `entry` (relative to root); node_modules stay imports (the same pg, Prisma
 * runtime and prom-client instances as Next.js uses). Paths in a metafile are relative to root.
 */
export function nodeBundle(root, entry) {
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  };
}
