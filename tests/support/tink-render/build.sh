#!/usr/bin/env bash
# Builds tink-render (main.go beside this script) once per version of its source, outside the
# repository, and prints the binary's path (build output goes to stderr). scripts/test.sh runs it
# before the tests; tests/support/tink-render.ts runs it when a test needs the renderer.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
digest="$(cat "$here/main.go" "$here/go.mod" "$here/go.sum" | sha256sum | cut -c1-16)"
dir="${TOOLS_CACHE:-$HOME/.cache/metal-foundry/tools}/tink-render-$digest"
if [ -x "$dir/tink-render" ]; then echo "$dir/tink-render"; exit 0; fi
started=$SECONDS
work="$(mktemp -d "${TMPDIR:-/tmp}/foundry-tink-render.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$here" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly CGO_ENABLED=0 \
  go build -trimpath -ldflags='-s -w' -o "$work/bin/tink-render" . >&2)
mkdir -p "$(dirname "$dir")"
# Tests may build it at once: the first complete copy wins.
mv -T "$work/bin" "$dir" 2>/dev/null || true
[ -x "$dir/tink-render" ] || { echo "build.sh: $dir/tink-render missing after the build" >&2; exit 1; }
echo "tink-render: built in $((SECONDS - started)) s" >&2
echo "$dir/tink-render"
