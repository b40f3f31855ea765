#!/usr/bin/env bash
# The versions the real stack runs, read from the platform's own pins so they cannot drift:
# Kubernetes from K3s (infra/terraform), the Flux controllers from the bases of the pinned Flux
# release (its Go module's manifests/bases), etcd from what that Kubernetes release requires.
# Sourced; sets REAL_STACK_* variables.
set -euo pipefail
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_tf_default() {
  # The default of a Terraform string variable, e.g. k3s_version = "v1.33.5+k3s1".
  awk -v name="$1" '$0 ~ "variable \"" name "\"" {found = 1}
    found && /default *=/ {gsub(/[" ]/, "", $0); sub(/default=/, "", $0); print; exit}' \
    "$_root/infra/terraform/variables.tf"
}
REAL_STACK_K3S="$(_tf_default k3s_version)"
REAL_STACK_FLUX="$(_tf_default flux_version)"
# K3s v1.33.5+k3s1 runs Kubernetes v1.33.5.
REAL_STACK_KUBERNETES="${REAL_STACK_K3S%%+*}"
# The Gateway API release the tree's gateway-api GitRepository pins.
REAL_STACK_GATEWAY_API="$(sed -nE 's/^ *tag: (v[0-9.]+)$/\1/p' "$_root/manifests/infrastructure/gateway-api/repository.yaml")"
# The Tinkerbell release the tree's OCIRepository pins (the chart and binary of the same tag).
REAL_STACK_TINKERBELL="$(sed -nE 's/^ *tag: (v[0-9.]+)$/\1/p' "$_root/manifests/infrastructure/controllers/tinkerbell/repository.yaml")"
: "${REAL_STACK_TINKERBELL:?manifests/infrastructure/controllers/tinkerbell/repository.yaml pins no plain tag (ref.tag: vX.Y.Z)}"
export REAL_STACK_K3S REAL_STACK_FLUX REAL_STACK_KUBERNETES REAL_STACK_GATEWAY_API REAL_STACK_TINKERBELL

# The controller-gen each Tinkerbell release generates its CRDs with (CONTROLLER_GEN_VERSION in
# its Makefile, which cannot be read here: the module proxy refuses github.com/tinkerbell/tinkerbell
# and serves only its api module). A pin of another Tinkerbell release needs its line here.
tinkerbell_controller_gen_version() {
  case "$1" in
    v0.21.0) echo v0.18.0 ;;
    *) echo "no controller-gen version known for Tinkerbell $1 (scripts/real-stack/versions.sh)" >&2; return 1 ;;
  esac
}

# The BMC parts: Rufio v0.6.5, the standalone release whose code Tinkerbell v0.21.0 embeds
# (scripts/real-stack/build.sh), built with the bmclib that v0.21.0's go.mod requires;
# sushy-tools, the Redfish BMC emulator of the tests (PyPI).
REAL_STACK_RUFIO=v0.6.5
REAL_STACK_RUFIO_BMCLIB=v2.3.5-0.20250331132619-80c6fe5a0a65
REAL_STACK_SUSHY_TOOLS=2.2.0
export REAL_STACK_RUFIO REAL_STACK_RUFIO_BMCLIB REAL_STACK_SUSHY_TOOLS

# The folder of MODULE@VERSION in the Go module cache (downloaded when missing).
module_dir() {
  go mod download -json "$1@$2" | sed -nE 's/^\s*"(Dir|Error)": "(.*)",?$/\1 \2/p' | {
    read -r key value || true
    [ "$key" = Dir ] || { echo "go mod download $1@$2: ${value:-no answer}" >&2; return 1; }
    echo "$value"
  }
}

# The version of a Flux controller the pinned Flux release ships, from its manifests/bases.
flux_controller_version() {
  local flux_dir
  flux_dir="$(module_dir github.com/fluxcd/flux2/v2 "$REAL_STACK_FLUX")"
  grep -o "releases/download/v[0-9.]*/$1.crds.yaml" "$flux_dir/manifests/bases/$1/kustomization.yaml" |
    sed -E 's#releases/download/(v[0-9.]+)/.*#\1#'
}
