import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "packages/*/src/**/*.test.ts"],
    environment: "node",
    // Pure functions, no process state: worker threads on every core. On 2 cores this runs the unit
    // stage in 55 s instead of 93 s (forks on cores − 1 workers, the default).
    pool: "threads",
    maxWorkers: os.availableParallelism(),
  },
});
