#!/usr/bin/env bash
# Builds one of the tools the platform checks use from its Go module at the version
# scripts/tools/versions.sh pins, cached by version outside the repository, and prints the
# binary's path (build output goes to stderr). The project's tests and the fork's workflows both
# run it, so both check with the same binaries. Nothing built here is committed.
#   bash scripts/tools/build.sh actionlint|kustomize|tofu
#   TOOLS_CACHE=/some/dir bash …      # another cache (default ~/.cache/metal-foundry/tools)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/tools/versions.sh
. "$here/versions.sh"
name="${1:?usage: build.sh actionlint|kustomize|tofu}"
case "$name" in
  actionlint) module=github.com/rhysd/actionlint version="$TOOLS_ACTIONLINT" package="$module/cmd/actionlint" ;;
  kustomize) module=sigs.k8s.io/kustomize/kustomize/v5 version="$TOOLS_KUSTOMIZE" package="$module" ;;
  tofu) module=github.com/opentofu/opentofu version="$TOOLS_TOFU" package="$module/cmd/tofu" ;;
  *) echo "build.sh: unknown tool $name" >&2; exit 2 ;;
esac
dir="${TOOLS_CACHE:-$HOME/.cache/metal-foundry/tools}/$name-$version"
if [ -x "$dir/$name" ]; then echo "$dir/$name"; exit 0; fi

export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -mod=mod"
work="$(mktemp -d "${TMPDIR:-/tmp}/foundry-tool-$name.XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$SECONDS
# A main module that requires the tool and repeats its module-to-module replace directives (Go
# ignores them in a dependency; OpenTofu needs its hcl fork). A folder replace cannot be repeated.
upstream="$(cd "$work" && go mod download -json "$module@$version" | sed -nE 's/^\s*"Dir": "(.*)",?$/\1/p')"
[ -n "$upstream" ] || { echo "build.sh: go mod download $module@$version failed" >&2; exit 1; }
# shellcheck disable=SC2016 # JavaScript, not shell
(cd "$upstream" && go mod edit -json) | MODULE="$module" VERSION="$version" node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const mod = JSON.parse(s);
    const lines = ["module foundry.local/tools/wrapper", `go ${mod.Go}`,
      `require ${process.env.MODULE} ${process.env.VERSION}`];
    for (const r of mod.Replace ?? []) {
      if (r.New.Path.startsWith(".")) { console.error(`folder replace of ${r.Old.Path}`); process.exit(1); }
      const from = r.Old.Version ? `${r.Old.Path} ${r.Old.Version}` : r.Old.Path;
      lines.push(`replace ${from} => ${r.New.Path}${r.New.Version ? " " + r.New.Version : ""}`);
    }
    console.log(lines.join("\n"));
  });' >"$work/go.mod"
(cd "$work" && go get "$module@$version" >&2 && go build -ldflags='-s -w' -o "$work/bin/$name" \
  "$package" >&2)
# Tests may build the same tool at once: the first complete copy wins, the others are dropped.
mkdir -p "$(dirname "$dir")"
mv -T "$work/bin" "$dir" 2>/dev/null || true
[ -x "$dir/$name" ] || { echo "build.sh: $dir/$name missing after the build" >&2; exit 1; }
echo "build.sh: $name $version built in $((SECONDS - started)) s" >&2
echo "$dir/$name"
