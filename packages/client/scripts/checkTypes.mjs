#!/usr/bin/env node
// Type-checks a tiny consumer of the built declarations (typecheck/consumer.ts) the way projects
// compile against them: moduleResolution NodeNext (what TypeScript prescribes for Node ESM) and
// Bundler, with skipLibCheck off, so a declaration that does not resolve fails here instead of
// turning the package's types into `any` in someone's app. Run by build.mjs after tsc.
import path from "node:path";
import { createRequire } from "node:module";
import { spawn } from "node:child_process";

const root = path.resolve(import.meta.dirname, "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const check = (config) =>
  new Promise((resolve) => {
    const run = spawn(process.execPath, [tsc, "-p", path.join(root, "typecheck", config)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    run.stdout.on("data", (chunk) => (out += chunk));
    run.on("close", (code) => {
      if (code !== 0) console.error(`${out}@faultline/client: the declarations fail a consumer's type check (typecheck/${config})`);
      resolve(code === 0);
    });
  });
const results = await Promise.all(["tsconfig.nodenext.json", "tsconfig.bundler.json"].map(check));
if (results.includes(false)) process.exit(1);
