import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "next.config.ts", "tailwind.config.ts", "postcss.config.mjs", "package.json", "prisma/schema.prisma", "instrumentation.ts", "scripts/faultline.ts"];

/** True when there is no production build (or fast-path bundle) or any source file is newer than it. */
export function needsBuild(root) {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  for (const bundle of ["fastPath.mjs", "cli.mjs"]) {
    if (!fs.existsSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "faultline", bundle))) return true;
  }
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(path.join(root, entry)) > builtAt);
}

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}
