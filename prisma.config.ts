import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI does not read .env itself (Next.js does, for the app).
try {
  process.loadEnvFile(path.join(import.meta.dirname, ".env"));
} catch {
  // no .env: fine
}

// Prisma's binary host is unreachable in air-gapped installs, so every CLI command uses Prisma's
// own WASM schema engine through prisma/schema-engine-wasm.mjs. Set PRISMA_SCHEMA_ENGINE_BINARY
// (to a real engine) or PRISMA_USE_NATIVE_ENGINE=1 to opt out.
if (!process.env.PRISMA_USE_NATIVE_ENGINE) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma", "schema-engine-wasm.mjs");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5460/faultline",
  },
});
