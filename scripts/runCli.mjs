#!/usr/bin/env node
// `npm run faultline -- <command> …`: runs the admin CLI (scripts/faultline.ts) as one prebundled ES
// module (scripts/cliBundle.mjs). It is bundled into .faultline/cli/ (≈ 0.1 s) when a file it is made
// of changed since, and otherwise run as it is: a command starts in ≈ 0.4 s of CPU instead of the
// ≈ 2 s that loading every source file through tsx took.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleCli } from "./cliBundle.mjs";

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

if (!fresh()) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written beside and renamed into place: two commands started at once never run half a bundle.
  const tmp = path.join(path.dirname(out), `faultline.${process.pid}.tmp.mjs`);
  const inputs = await bundleCli(root, tmp);
  fs.writeFileSync(`${inputsFile}.${process.pid}`, JSON.stringify(inputs));
  fs.renameSync(`${inputsFile}.${process.pid}`, inputsFile);
  fs.renameSync(tmp, out);
}
await import(pathToFileURL(out).href);
