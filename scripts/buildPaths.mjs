// Where the build puts what scripts/server.mjs loads besides Next.js's own output: the ingest fast
// path's bundle and the API route table, and the admin CLI's bundle the image runs (all written by
// scripts/buildFastPath.mjs). Apart from the build
// script so that the server — also in the container's runtime folder, which has no esbuild — can
// import them.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export const distDir = () => path.join(root, process.env.NEXT_DIST_DIR ?? ".next");

export function fastPathBundle() {
  return path.join(distDir(), "faultline", "fastPath.mjs");
}

export function apiRouteTableFile() {
  return path.join(distDir(), "faultline", "apiRoutes.json");
}

/** The admin CLI, bundled (scripts/cliBundle.mjs): the container image's `faultline` command runs it. */
export function cliBundleFile() {
  return path.join(distDir(), "faultline", "cli.mjs");
}
