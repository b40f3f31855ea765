#!/usr/bin/env bash
# Installs everything the tests need (npm and Debian packages) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt-install.sh
. scripts/lib/npm-install.sh

# SYSLINUX's installer (BIOS boot of the x86_64 USB image) is packaged for x86 only.
syslinux=()
case "$(dpkg --print-architecture)" in amd64 | i386) syslinux=(syslinux) ;; esac
apt_install_missing git ca-certificates g++ make python3 chromium postgresql shellcheck jq \
  xorriso mtools dosfstools isolinux syslinux-common "${syslinux[@]}" qemu-system-x86 ovmf
npm_install_project
bash scripts/fetch-ipxe.sh

echo "== typecheck and lint"
npm run typecheck
npm run lint
echo "== unit and integration tests (SQLite and PostgreSQL)"
bash scripts/with-postgres.sh npx vitest run
echo "== boot media under QEMU (SeaBIOS and OVMF, CD and USB disk)"
npx vitest run --config tests/bootmedia/qemu/vitest.config.mts
echo "== build"
npm run build
echo "== browser tests (Debian Chromium)"
npx playwright test
