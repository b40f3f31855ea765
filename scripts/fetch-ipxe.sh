#!/usr/bin/env bash
# Puts Debian trixie's iPXE binaries (BIOS ipxe.lkrn, UEFI x86_64 and arm64) into vendor/ipxe, or
# the folder given as $1. Trixie's build is the one that reads autoexec.ipxe from UEFI media (see
# BOOT-MEDIA-NOTES); on a bookworm machine it is downloaded, not installed, with apt's own tools.
set -euo pipefail
cd "$(dirname "$0")/.."

dest="${1:-vendor/ipxe}"
wanted=(ipxe.lkrn ipxe-amd64.efi ipxe-arm64.efi)

have_all() {
  local name
  for name in "${wanted[@]}"; do [ -s "$dest/$name" ] || return 1; done
}
if have_all; then
  echo "fetch-ipxe: $dest already holds iPXE $(cat "$dest/VERSION" 2>/dev/null || echo '(unknown version)')"
  exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/foundry-ipxe.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/deb"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
echo "deb [signed-by=$keyring] http://deb.debian.org/debian trixie main" >"$work/sources.list"

apt_options=(
  -o "Dir::Etc::SourceList=$work/sources.list"
  -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache=$work/cache"
  -o "APT::Sandbox::User=root"
)
echo "fetch-ipxe: downloading Debian trixie's ipxe package"
apt-get "${apt_options[@]}" -qq update
(cd "$work/deb" && apt-get "${apt_options[@]}" -qq download ipxe)

deb="$(find "$work/deb" -name 'ipxe_*.deb' -print -quit)"
[ -n "$deb" ] || { echo "fetch-ipxe: apt-get download produced no ipxe package" >&2; exit 1; }
dpkg-deb -x "$deb" "$work/root"

mkdir -p "$dest"
for name in "${wanted[@]}"; do
  # -L: the package ships some binaries as symlinks to others.
  cp -L "$work/root/usr/lib/ipxe/$name" "$dest/$name"
done
dpkg-deb -f "$deb" Version >"$dest/VERSION"
echo "fetch-ipxe: iPXE $(cat "$dest/VERSION") in $dest"
