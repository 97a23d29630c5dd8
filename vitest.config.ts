import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const include = ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "packages/*/src/**/*.test.ts"];

/**
 * Test files that touch process-wide state — module mocks, spies, fake timers, the environment,
 * `globalThis` (where the app keeps its registries and caches) — or say `@isolated`: each runs in a
 * fresh module graph. Every other file is a pure-function test and shares its worker's modules with
 * the files before it: importing the domain modules once per worker instead of once per file takes
 * the unit stage from ≈ 66 s to ≈ 25 s on 2 cores.
 */
const STATEFUL = /\bvi\.(mock|doMock|spyOn|stubGlobal|stubEnv|useFakeTimers)\b|globalThis|process\.env|@isolated/;
const isolatedFiles = ["lib", "components", "scripts", "packages"]
  .flatMap((dir) => fs.readdirSync(path.join(import.meta.dirname, dir), { recursive: true, encoding: "utf8" }).map((file) => path.join(dir, file)))
  .filter((file) => file.endsWith(".test.ts") && !file.includes("node_modules"))
  .filter((file) => STATEFUL.test(fs.readFileSync(path.join(import.meta.dirname, file), "utf8")));

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    // Pure functions, no process state: worker threads on every core. On 2 cores this runs the unit
    // stage in 55 s instead of 93 s (forks on cores − 1 workers, the default).
    pool: "threads",
    maxWorkers: os.availableParallelism(),
    // Correctness tests, not speed budgets: a property test that takes 2.5 s on an idle machine took
    // 7.3 s beside other work in CI and failed vitest's default 5 s. Budgets live in benchmarks.
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: "pure", include, exclude: isolatedFiles, isolate: false } },
      { extends: true, test: { name: "isolated", include: isolatedFiles.length > 0 ? isolatedFiles : ["no-such-file"], isolate: true } },
    ],
  },
});
