import path from "node:path";
import { defineConfig } from "vitest/config";

/** API tests: real HTTP against the running app (BASE_URL) and a real PostgreSQL (DATABASE_URL). */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["e2e/api/**/*.test.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
