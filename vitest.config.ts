import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "packages/*/src/**/*.test.ts"],
    environment: "node",
    // Pure functions, no process state: worker threads on every core. On 2 cores this runs the unit
    // stage in 55 s instead of 93 s (forks on cores − 1 workers, the default).
    pool: "threads",
    maxWorkers: os.availableParallelism(),
    // Correctness tests, not speed budgets: a property test that takes 2.5 s on an idle machine took
    // 7.3 s beside other work in CI and failed vitest's default 5 s. Budgets live in benchmarks.
    testTimeout: 30_000,
  },
});
