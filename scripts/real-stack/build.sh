#!/usr/bin/env bash
# Builds the upstream programs of the real stack from their Go modules at the pinned versions,
# cached by version outside the repository. Each program builds from a small wrapper module that
# repeats the replace directives of the program's own go.mod (Go ignores them in a dependency).
# Prints how long each build took. Nothing built here is committed.
#   bash scripts/real-stack/build.sh            # everything missing
#   REAL_STACK_CACHE=/some/dir bash …           # another cache (default ~/.cache/metal-foundry/real-stack)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/versions.sh"
cache="${REAL_STACK_CACHE:-$HOME/.cache/metal-foundry/real-stack}"
mkdir -p "$cache/bin" "$cache/src"
export GOFLAGS="-trimpath -mod=mod" CGO_ENABLED=0 GOTOOLCHAIN=local
export GOMAXPROCS="${REAL_STACK_BUILD_PROCS:-$(nproc)}"

# wrapper NAME MODULE VERSION PACKAGE [STAGING_VERSION]: a module requiring MODULE@VERSION whose
# replaces repeat MODULE's own; a replace to a folder inside MODULE becomes that module at the
# version MODULE requires (Kubernetes requires its staging modules as v0.0.0: STAGING_VERSION).
wrapper() {
  local name="$1" module="$2" version="$3" package="$4" staging="${5:-}"
  local dir="$cache/src/$name-$version" upstream
  upstream="$(module_dir "$module" "$version")"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$upstream" && go mod edit -json) | STAGING="$staging" MODULE="$module" VERSION="$version" node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const mod = JSON.parse(s);
      const required = new Map((mod.Require ?? []).map((r) => [r.Path, r.Version]));
      const lines = [`module foundry.local/real-stack/wrapper`, `go ${mod.Go}`,
        `require ${process.env.MODULE} ${process.env.VERSION}`];
      for (const r of mod.Replace ?? []) {
        const from = r.Old.Version ? `${r.Old.Path} ${r.Old.Version}` : r.Old.Path;
        if (r.New.Path.startsWith(".")) {
          // A folder replace of a module that is not required only forbids it: nothing to repeat.
          if (!required.has(r.Old.Path)) continue;
          let v = required.get(r.Old.Path) ?? process.env.VERSION;
          if (v === "v0.0.0" && process.env.STAGING) v = process.env.STAGING;
          lines.push(`replace ${from} => ${r.Old.Path} ${v}`);
        } else {
          lines.push(`replace ${from} => ${r.New.Path}${r.New.Version ? " " + r.New.Version : ""}`);
        }
      }
      console.log(lines.join("\n"));
    });' >"$dir/go.mod"
  # `go get`, not `go mod tidy`: tidy would also fetch the test-only modules of every dependency.
  (cd "$dir" && go get "$module@$version" >/dev/null 2>&1 || go get "$module@$version")
}

# build NAME MODULE VERSION PACKAGE [STAGING_VERSION]
build() {
  local name="$1" module="$2" version="$3" package="$4" staging="${5:-}"
  local out="$cache/bin/$name-$version" started=$SECONDS
  if [ -x "$out" ]; then echo "real-stack build: $name $version cached"; return; fi
  wrapper "$@"
  (cd "$cache/src/$name-$version" && go build -ldflags='-s -w' -o "$out.partial" "$package")
  mv "$out.partial" "$out"
  echo "real-stack build: $name $version built in $((SECONDS - started)) s"
}

# Tinkerbell's CRDs as the pinned release's binary installs them (its crd/bases): generated from
# its api module, which the proxy serves, by the controller-gen that release uses, and held to the
# digests of crd/bases at that tag (tinkerbell-crds-<version>.sha256, taken from the release), so
# a wrong controller-gen, a different Go or a stale cache cannot pass for the release's CRDs.
tinkerbell_crds() {
  local version="$1" started=$SECONDS gen_version
  local out="$cache/crds/tinkerbell-$version" work="$cache/src/tinkerbell-api-$version"
  local digests="$here/tinkerbell-crds-$version.sha256"
  [ -s "$digests" ] || { echo "no $digests: record the digests of crd/bases at $version" >&2; return 1; }
  if (cd "$out" 2>/dev/null && sha256sum --quiet --strict -c "$digests" >/dev/null 2>&1); then
    echo "real-stack build: Tinkerbell CRDs $version cached"; return
  fi
  gen_version="$(tinkerbell_controller_gen_version "$version")"
  build controller-gen sigs.k8s.io/controller-tools "$gen_version" \
    sigs.k8s.io/controller-tools/cmd/controller-gen
  local api
  api="$(module_dir github.com/tinkerbell/tinkerbell/api "$version")"
  rm -rf "$work" "$out.partial" && mkdir -p "$work" "$out.partial"
  cp -r "$api" "$work/api" && chmod -R u+w "$work/api"
  (cd "$work/api" && go mod download &&
    "$cache/bin/controller-gen-$gen_version" crd:crdVersions=v1 paths=./... \
      output:crd:artifacts:config="$out.partial")
  if ! (cd "$out.partial" && sha256sum --strict -c "$digests" >&2 &&
    [ "$(ls | wc -l)" -eq "$(wc -l <"$digests")" ]); then
    echo "the Tinkerbell $version CRDs generated here are not the release's crd/bases" >&2
    return 1
  fi
  rm -rf "$out" && mv "$out.partial" "$out"
  echo "real-stack build: Tinkerbell CRDs $version generated in $((SECONDS - started)) s"
}

# Rufio: Tinkerbell v0.21.0 embeds Rufio's controllers (rufio/ in its monorepo), whose module the
# proxy here refuses. v0.6.5 is the standalone release that code was imported from: the same
# Machine, Job and Task controllers, API group and version (docs/platform/real-stack.md lists what
# v0.21.0 changed since). It builds with the bmclib v0.21.0 requires, not its own (the Redfish
# code of the two is the same; only ipmitool and rpc differ).
rufio() {
  local started=$SECONDS out="$cache/bin/rufio-$REAL_STACK_RUFIO"
  if [ -x "$out" ]; then echo "real-stack build: rufio $REAL_STACK_RUFIO cached"; return; fi
  wrapper rufio github.com/tinkerbell/rufio "$REAL_STACK_RUFIO" github.com/tinkerbell/rufio
  (cd "$cache/src/rufio-$REAL_STACK_RUFIO" &&
    go get "github.com/bmc-toolbox/bmclib/v2@$REAL_STACK_RUFIO_BMCLIB" >/dev/null 2>&1 &&
    go build -ldflags='-s -w' -o "$out.partial" github.com/tinkerbell/rufio)
  mv "$out.partial" "$out"
  echo "real-stack build: rufio $REAL_STACK_RUFIO built in $((SECONDS - started)) s"
}

what="${1:-all}"
case "$what" in
  all | tinkerbell)
    tinkerbell_crds "$REAL_STACK_TINKERBELL"
    ;;&
  all | kubernetes)
    kube_minor_patch="${REAL_STACK_KUBERNETES#v1.}"
    etcd_version="$(grep -E '^\s+go.etcd.io/etcd/server/v3 ' \
      "$(module_dir k8s.io/kubernetes "$REAL_STACK_KUBERNETES")/go.mod" | awk '{print $2}')"
    build etcd go.etcd.io/etcd/server/v3 "$etcd_version" go.etcd.io/etcd/server/v3
    build kube-apiserver k8s.io/kubernetes "$REAL_STACK_KUBERNETES" \
      k8s.io/kubernetes/cmd/kube-apiserver "v0.$kube_minor_patch"
    build kubectl k8s.io/kubernetes "$REAL_STACK_KUBERNETES" \
      k8s.io/kubernetes/cmd/kubectl "v0.$kube_minor_patch"
    ;;&
  all | flux)
    source_version="$(flux_controller_version source-controller)"
    kustomize_version="$(flux_controller_version kustomize-controller)"
    notification_version="$(flux_controller_version notification-controller)"
    build source-controller github.com/fluxcd/source-controller "$source_version" \
      github.com/fluxcd/source-controller
    build kustomize-controller github.com/fluxcd/kustomize-controller "$kustomize_version" \
      github.com/fluxcd/kustomize-controller
    build notification-controller github.com/fluxcd/notification-controller "$notification_version" \
      github.com/fluxcd/notification-controller
    ;;&
  all | rufio)
    rufio
    ;;
esac
