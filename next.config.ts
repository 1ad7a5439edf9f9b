import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3, pg and @prisma/client are already on Next's default server-external list.
  serverExternalPackages: ["@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pino", "fzstd", "tar-stream", "pdfkit"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
