#!/usr/bin/env node
// `npm run faultline -- <command> …`: runs the admin CLI (scripts/faultline.ts) as one prebundled ES
// module. esbuild bundles it into .faultline/cli/ (≈ 0.1 s) when a file it is made of changed since;
// otherwise the bundle is run as it is. A command then starts in ≈ 0.4 s of CPU instead of the ≈ 2 s
// that loading every source file through tsx took. node_modules stay imports.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".faultline", "cli", "faultline.mjs");
const inputsFile = `${out}.inputs.json`;

/** True when the bundle exists and none of the files it was made of (nor tsconfig.json) changed since. */
function fresh() {
  try {
    const builtAt = fs.statSync(out).mtimeMs;
    const inputs = [...JSON.parse(fs.readFileSync(inputsFile, "utf8")), "tsconfig.json"];
    return inputs.every((file) => fs.statSync(path.join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

async function bundle() {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written beside and renamed into place: two commands started at once never read half a bundle.
  const tmp = `${out}.${process.pid}.tmp`;
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ["scripts/faultline.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    // The CLI finds the checkout (data directory, Prisma CLI) from its own folder: keep it scripts/.
    define: { "import.meta.dirname": JSON.stringify(path.join(root, "scripts")) },
    outfile: tmp,
    metafile: true,
    logLevel: "warning",
  });
  fs.writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify(Object.keys(metafile.inputs)));
  fs.renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile);
  fs.renameSync(tmp, out);
}

if (!fresh()) await bundle();
await import(pathToFileURL(out).href);
