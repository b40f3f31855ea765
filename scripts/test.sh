#!/usr/bin/env bash
# Installs everything the tests need (npm and Debian packages) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt-install.sh
. scripts/lib/npm-install.sh

apt_install_missing git ca-certificates g++ make python3 chromium postgresql shellcheck jq
npm_install_project

echo "== typecheck"
npm run typecheck
echo "== unit and integration tests (SQLite and PostgreSQL)"
bash scripts/with-postgres.sh npx vitest run
echo "== build"
npm run build
echo "== browser tests (Debian Chromium)"
npx playwright test
