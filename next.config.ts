import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3, pg and @prisma/client are already on Next's default server-external list.
  serverExternalPackages: ["@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pino", "prom-client", "fzstd", "tar-stream", "pdfkit"],
  // `.next/standalone`: server.js with only the node_modules it traces; scripts/build-standalone.sh adds the rest
  // (static assets, migrations) into the directory the container image copies.
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
