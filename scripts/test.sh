#!/usr/bin/env bash
# The README's test command: lint, typecheck, unit, integration (real docker-registry), build, e2e (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n=== %s\n' "$*"; }

step "system packages"
bash scripts/ensure-system-packages.sh

step "prisma generate"
npm run --silent db:generate >/dev/null

step "lint"
npm run --silent lint

step "typecheck"
npm run --silent typecheck

step "unit tests"
npx vitest run --project unit

step "demo data + production build (the permission matrix and e2e run against it)"
npm run --silent demo:data
mkdir -p data
rm -f data/e2e.db
DATABASE_URL=file:./data/e2e.db npx prisma migrate deploy >/dev/null
npm run --silent build

step "integration tests (real docker-registry, real next start)"
npx vitest run --project integration

step "e2e (Playwright, Debian Chromium)"
# e2e listens on fixed ports: runs from several checkouts on one machine take turns.
flock /tmp/kitgate-e2e.lock npx playwright test
