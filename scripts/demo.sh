#!/usr/bin/env bash
# Starts Kitgate on its embedded default: a local OCI image-layout store with demo ModelKits, SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL="${DATABASE_URL:-file:./data/kitgate.db}"
mkdir -p data
npm run --silent demo:data
npx prisma migrate deploy >/dev/null
npm run --silent build
echo "Kitgate: http://localhost:${PORT:-3000}"
exec node_modules/.bin/next start -H "${HOST:-0.0.0.0}" -p "${PORT:-3000}"
