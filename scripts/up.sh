#!/usr/bin/env bash
# Installs everything the console needs and starts it at http://localhost:3000 on the embedded
# defaults: SQLite and a local GitOps repository, both in ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt-install.sh
. scripts/lib/npm-install.sh

# SYSLINUX's installer (BIOS boot of the x86_64 USB image) is packaged for x86 only.
syslinux=()
case "$(dpkg --print-architecture)" in amd64 | i386) syslinux=(syslinux) ;; esac
apt_install_missing git ca-certificates g++ make python3 \
  xorriso mtools dosfstools isolinux syslinux-common "${syslinux[@]}"
npm_install_project
bash scripts/fetch-ipxe.sh
npm run build
# No cluster configured: the sandbox cluster stands in, running demo workflows by itself.
export FOUNDRY_SANDBOX="${FOUNDRY_SANDBOX:-auto}" FOUNDRY_SANDBOX_DEMO="${FOUNDRY_SANDBOX_DEMO:-on}"
exec npm start
