#!/usr/bin/env node
// Copies packages and everything they depend on (their production dependency closure, as installed
// in ./node_modules) into <dest>/node_modules. The image uses it for the migration toolset, which
// Next's standalone output does not trace: the Prisma CLI, its WASM schema engine and pg.
//   node scripts/container/copyPackages.mjs <dest> <package>...
import fs from "node:fs";
import path from "node:path";

export const MIGRATION_PACKAGES = ["prisma", "@prisma/adapter-pg", "@prisma/driver-adapter-utils", "@prisma/schema-engine-wasm", "pg"];

/** Resolves each package's installed folder, walking up node_modules like Node does. */
function locate(name, fromDir, root) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === root || dir === path.dirname(dir)) return null;
  }
}

export function dependencyClosure(root, names) {
  const seen = new Map();
  const queue = names.map((name) => ({ name, from: root }));
  while (queue.length) {
    const { name, from } = queue.shift();
    const dir = locate(name, from, root);
    if (!dir) continue; // an optional dependency for another platform
    if (seen.has(dir)) continue;
    seen.set(dir, name);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) queue.push({ name: dep, from: dir });
  }
  return [...seen.keys()];
}

export function copyPackages(root, dest, names) {
  const dirs = dependencyClosure(root, names);
  for (const dir of dirs) {
    const target = path.join(dest, path.relative(root, dir));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(dir, target, { recursive: true, dereference: true, force: true });
  }
  return dirs.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dest, ...names] = process.argv.slice(2);
  if (!dest) {
    console.error("usage: copyPackages.mjs <dest> [package...]");
    process.exit(2);
  }
  const count = copyPackages(process.cwd(), path.resolve(dest), names.length ? names : MIGRATION_PACKAGES);
  console.log(`copied ${count} packages into ${dest}/node_modules`);
}
