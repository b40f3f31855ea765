#!/usr/bin/env bash
# Installs everything the tests need (npm and Debian packages) and runs every test, printing how
# long each stage took. The real stack's Go builds (scripts/real-stack/build.sh, cached by
# version) run in the background from the start and are waited for before its browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt-install.sh
. scripts/lib/npm-install.sh

started=$SECONDS
stage_started=$SECONDS
stage() {
  echo "== $1 (previous stage $((SECONDS - stage_started)) s, $((SECONDS - started)) s in all)"
  stage_started=$SECONDS
}

stage "Debian packages"
# SYSLINUX's installer (BIOS boot of the x86_64 USB image) is packaged for x86 only.
syslinux=()
case "$(dpkg --print-architecture)" in amd64 | i386) syslinux=(syslinux) ;; esac
apt_install_missing git ca-certificates g++ make python3 chromium postgresql shellcheck jq \
  xorriso mtools dosfstools isolinux syslinux-common "${syslinux[@]}" qemu-system-x86 ovmf \
  qemu-system-arm qemu-efi-aarch64 openssl perl iptables iproute2 busybox xz-utils zstd qemu-utils \
  libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients python3-libvirt python3-venv
stage "npm packages, iPXE and sushy-tools"
npm_install_project
bash scripts/fetch-ipxe.sh
# The real stack's Redfish BMC emulator, from PyPI into a virtualenv cached by version.
bash scripts/real-stack/sushy-tools.sh

# Go 1.26 comes with the machine (README); the builds use it as it is (GOTOOLCHAIN=local).
# Tinkerbell's CRDs first (a minute cold, nothing warm): the unit tests' kept schemas are held to
# them, so they must exist before vitest starts, and two build.sh at once would share a folder.
bash scripts/real-stack/build.sh tinkerbell
build_log="$(mktemp -t foundry-real-stack-build.XXXXXX)"
bash scripts/real-stack/build.sh >"$build_log" 2>&1 &
build_pid=$!
trap 'kill "$build_pid" 2>/dev/null || true' EXIT

stage "Go tools the checks use (built once per version, then cached)"
for tool in actionlint kustomize tofu; do bash scripts/tools/build.sh "$tool" >/dev/null; done
bash tests/support/tink-render/build.sh >/dev/null
stage "typecheck, lint and format"
npm run typecheck
npm run lint
npx prettier --check .
stage "unit and integration tests (SQLite and PostgreSQL)"
bash scripts/with-postgres.sh npx vitest run
stage "boot media under QEMU (SeaBIOS, OVMF and arm64 EDK2, CD and USB disk; a home lab behind a subnet router)"
npx vitest run --config tests/bootmedia/qemu/vitest.config.mts
stage "build"
npm run build
stage "browser tests (Debian Chromium)"
bash scripts/with-postgres.sh npx playwright test
stage "real stack builds (started in the background at the beginning)"
if ! wait "$build_pid"; then
  cat "$build_log"
  echo "the real stack's Go builds failed" >&2
  exit 1
fi
grep -v '^go: downloading' "$build_log"
stage "browser tests against the real stack (Kubernetes API, Flux controllers, Rufio and a Redfish BMC)"
npx playwright test --config playwright.real-stack.config.ts
stage "done"
