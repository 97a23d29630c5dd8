#!/usr/bin/env node
// Builds @faultline/client: ESM bundles with esbuild (Node, browser — minified —, React, Next.js,
// the faultline-sourcemaps command) and .d.ts files with tsc, both from the repository's
// node_modules; then checks that a consumer type-checks against those declarations under NodeNext
// and Bundler (scripts/checkTypes.mjs). `--if-stale` skips the work when dist/ is newer than every
// source file (npm test calls it that way).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";

const root = path.resolve(import.meta.dirname, "..");
const src = path.join(root, "src");
const dist = path.join(root, "dist");
const require = createRequire(import.meta.url);

if (process.argv.includes("--if-stale") && !isStale()) process.exit(0);

const esbuild = await import(require.resolve("esbuild"));
fs.rmSync(dist, { recursive: true, force: true });

const common = { bundle: true, format: "esm", target: "es2020", sourcemap: true, legalComments: "none", logLevel: "warning" };
await Promise.all([
  esbuild.build({ ...common, entryPoints: { node: "src/entry/node.ts", next: "src/entry/next.ts", cli: "src/entry/cli.ts", "release-cli": "src/entry/releaseCli.ts" }, platform: "node", outdir: dist, absWorkingDir: root }),
  esbuild.build({ ...common, entryPoints: { browser: "src/entry/browser.ts" }, platform: "browser", minify: true, outdir: dist, absWorkingDir: root }),
  esbuild.build({ ...common, entryPoints: { react: "src/entry/react.ts" }, platform: "neutral", external: ["react"], minify: true, outdir: dist, absWorkingDir: root }),
]);

const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.json")], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
const types = spawnSync(process.execPath, [path.join(root, "scripts", "checkTypes.mjs")], { stdio: "inherit" });
if (types.status !== 0) process.exit(types.status ?? 1);
console.log(`@faultline/client built in ${path.relative(process.cwd(), dist) || "dist"}`);

function isStale() {
  const stamp = path.join(dist, "types", "entry", "node.d.ts");
  if (!fs.existsSync(stamp)) return true;
  const builtAt = fs.statSync(stamp).mtimeMs;
  const newest = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const p = path.join(dir, e.name);
      return Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  return Math.max(newest(src), fs.statSync(path.join(root, "package.json")).mtimeMs, fs.statSync(import.meta.filename).mtimeMs) > builtAt;
}
