#!/usr/bin/env node
// Lays out the runtime folder of the container image from a `next build` with standalone output:
// the standalone server, its static assets, the migrations and the migration toolset, and the start
// scripts. The Dockerfile runs it; so does the standalone API test, which then starts the folder
// exactly as the image does (`node scripts/container/serve.mjs`, as an unprivileged user).
//   node scripts/container/assemble.mjs <dest>        (NEXT_DIST_DIR: the build folder, default .next)
import fs from "node:fs";
import path from "node:path";
import { copyPackages, MIGRATION_PACKAGES } from "./copyPackages.mjs";

export function assembleRuntime(root, dest, distDir = process.env.NEXT_DIST_DIR ?? ".next") {
  const standalone = path.join(root, distDir, "standalone");
  if (!fs.existsSync(path.join(standalone, "server.js"))) {
    throw new Error(`${path.relative(root, standalone)}/server.js is missing: build with output "standalone" first (next build)`);
  }
  for (const bundle of ["fastPath.mjs", "cli.mjs"]) {
    if (!fs.existsSync(path.join(root, distDir, "faultline", bundle))) {
      throw new Error(`${distDir}/faultline/${bundle} is missing: run node scripts/buildFastPath.mjs after next build (npm run build does both)`);
    }
  }
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const copy = (from, to = from) => {
    const source = path.join(root, from);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(dest, to), { recursive: true, dereference: true });
  };
  fs.cpSync(standalone, dest, { recursive: true, dereference: true });
  copy(path.join(distDir, "static"), path.join(distDir, "static"));
  copy("public");
  copy("prisma/schema.prisma");
  copy("prisma/migrations");
  copy("prisma/schema-engine-wasm.mjs");
  copy("prisma.config.ts");
  copy("scripts/startupChecks.mjs");
  copy("scripts/serverProcess.mjs");
  copy("scripts/envValues.mjs");
  copy("scripts/container/serve.mjs");
  // The server npm start runs (Next.js's handler behind the ingest fast path), with the fast path's
  // bundle and the API route table the build wrote; Next's own standalone server.js stays beside it.
  copy("scripts/server.mjs");
  copy("scripts/buildPaths.mjs");
  copy(path.join(distDir, "faultline"), path.join(distDir, "faultline"));
  // Next's tracing follows its own server bundles, where it inlined most packages; the fast path's
  // bundle imports them as packages (and pg etc. as the same ones), so they come along whole.
  copyPackages(root, dest, bundleImports(path.join(root, distDir, "faultline", "fastPath.mjs")));
  copy("scripts/container/healthcheck.mjs");
  // The admin CLI (the image links it as `faultline`), with the packages its bundle imports.
  copy("scripts/container/faultline.mjs");
  copyPackages(root, dest, bundleImports(path.join(root, distDir, "faultline", "cli.mjs")));
  // Standalone tracing copies only the files the server imports; the Prisma CLI needs whole packages.
  copyPackages(root, dest, MIGRATION_PACKAGES);
  // A development .env must not ride along into an image.
  fs.rmSync(path.join(dest, ".env"), { force: true });
  fs.mkdirSync(path.join(dest, distDir, "cache"), { recursive: true });
  return dest;
}

/** The packages an ES module bundle imports (static and dynamic; node: builtins left out). */
export function bundleImports(file) {
  const text = fs.readFileSync(file, "utf8");
  const names = new Set();
  for (const [, specifier] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)"([^".][^"]*)"/g)) {
    // Only what reads as a package name (the pattern also meets strings in the bundled code).
    if (specifier.startsWith("node:") || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/i.test(specifier)) continue;
    const parts = specifier.split("/");
    names.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]);
  }
  return [...names].sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dest = process.argv[2];
  if (!dest) {
    console.error("usage: assemble.mjs <dest>");
    process.exit(2);
  }
  assembleRuntime(process.cwd(), path.resolve(dest));
  console.log(`runtime assembled in ${dest}`);
}
