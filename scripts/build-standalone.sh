#!/usr/bin/env bash
# Assembles the directory the container image copies (and that `node server.js` runs from) out of `next build`'s
# standalone output: the traced server with its node_modules, the static assets Next leaves out of it, and the
# migrations the start-up and readiness checks compare the database with. Run after `npm run build`.
#   usage: scripts/build-standalone.sh [out-dir]   (default: dist/kitgate)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist/kitgate}"
if [ ! -f .next/standalone/server.js ]; then
  echo "no .next/standalone/server.js: run \`npm run build\` first (next.config.ts sets output: \"standalone\")" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out/.next" "$out/prisma/sqlite" "$out/prisma/postgres"
cp -a .next/standalone/. "$out/"
cp -a .next/static "$out/.next/static"
if [ -d public ]; then cp -a public "$out/public"; fi
cp -a prisma/sqlite/migrations "$out/prisma/sqlite/"
cp -a prisma/postgres/migrations "$out/prisma/postgres/"
# nothing of this checkout's runtime state belongs in an image: local databases, demo secrets, caches, configs
rm -rf "$out/data" "$out/.env" "$out/.env.local" "$out/kitgate.yaml" "$out/.next/cache"
echo "standalone server in $out ($(du -sh "$out" | cut -f1)): cd $out && node server.js"
