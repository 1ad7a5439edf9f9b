#!/usr/bin/env bash
# Starts Kitgate on its embedded default: a local OCI image-layout store with demo ModelKits, SQLite, demo sign-in.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL="${DATABASE_URL:-file:./data/kitgate.db}"
export PORT="${PORT:-3000}"
# Demo mode: without NEXTAUTH_SECRET, Kitgate generates a random session secret once into data/session-secret
# (mode 0600) and reuses it on restart. Nothing secret is built in, not even for the demo.
export KITGATE_DEMO="${KITGATE_DEMO:-1}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:${PORT}}"
mkdir -p data
npm run --silent db:generate >/dev/null
npm run --silent demo:data
npx prisma migrate deploy >/dev/null
npm run --silent build
npx tsx scripts/demo-users.ts
echo "Kitgate: ${NEXTAUTH_URL}"
# Loopback only unless HOST says otherwise: a demo with printed passwords is not for the network.
exec node_modules/.bin/next start -H "${HOST:-127.0.0.1}" -p "${PORT}"
