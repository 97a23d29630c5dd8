import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**", ".faultline/**", "next-env.d.ts", "prisma/schema-engine-wasm.mjs", "packages/*/dist/**"],
  },
];

export default config;
