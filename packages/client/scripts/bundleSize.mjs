#!/usr/bin/env node
// Prints the size of @faultline/client's builds, raw and compressed: what a browser downloads.
// `npm run client:size` at the repository root (builds first when the sources changed).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { spawnSync } from "node:child_process";

const root = path.resolve(import.meta.dirname, "..");
const build = spawnSync(process.execPath, [path.join(root, "scripts", "build.mjs"), "--if-stale"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = [
  ["browser build (dist/browser.js, minified)", "dist/browser.js"],
  ["React entry (dist/react.js, minified)", "dist/react.js"],
  ["Node build (dist/node.js)", "dist/node.js"],
  ["Next.js entry (dist/next.js)", "dist/next.js"],
];
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
console.log(`${"@faultline/client".padEnd(44)}${"raw".padStart(10)}${"gzip".padStart(10)}${"brotli".padStart(10)}`);
for (const [label, file] of files) {
  const bytes = fs.readFileSync(path.join(root, file));
  const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${label.padEnd(44)}${kib(bytes.length)}${kib(gzip)}${kib(brotli)}`);
}
