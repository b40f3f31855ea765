import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // Bodies Next buffers before the proxy and a server action may read: lib/http/request-limits.ts.
  experimental: {
    proxyClientMaxBodySize: 3 * 1024 * 1024,
    serverActions: { bodySizeLimit: 3 * 1024 * 1024 },
  },
  // A developer's data dir (database, repositories) must never travel with a build.
  outputFileTracingExcludes: { "/*": ["./data/**/*", "./vendor/**/*", "./test-results/**/*"] },
  // Native addons and SDKs whose class names must survive: loaded from node_modules at run time.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "@kubernetes/client-node",
    "oci-common",
    "oci-core",
    "oci-objectstorage",
    "oci-loadbalancer",
    "oci-usageapi",
  ],
};

export default nextConfig;
