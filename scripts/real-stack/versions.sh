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
export REAL_STACK_K3S REAL_STACK_FLUX REAL_STACK_KUBERNETES
