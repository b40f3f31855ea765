#!/usr/bin/env bash
# Creates the real stack's GitOps repository as a new user's fork holds it: one commit with this
# project's manifests/, then one documented test-overlay commit that replaces only what needs the
# internet or running pods (docs/platform/real-stack.md):
# - infrastructure/controllers: each controller's HelmRepository/OCIRepository and HelmRelease
#   (charts on public registries, Deployments no kubelet runs) give way to its namespace.yaml;
# - infrastructure/configs: cert-manager's ClusterIssuers need the CRDs its chart installs, and
#   the CiliumNetworkPolicy Cilium's; the Gateway and the routes stay (real-stack.sh installs the
#   Gateway API CRDs);
# - infrastructure/gateway-api: its GitRepository is on GitHub; the same CRDs come from the
#   gateway-api Go module at that tag instead.
# The tinkerbell Kustomization (Hardware, Templates, Workflows), infra-tailscale (its HelmRelease
# is checked by the real CRD and never installed: no helm-controller runs) and the root are
# untouched.
#   seed-repository.sh DIR/gitops.git
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bare="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Real stack" GIT_AUTHOR_EMAIL="real-stack@localhost"
export GIT_COMMITTER_NAME="Real stack" GIT_COMMITTER_EMAIL="real-stack@localhost"
git init --quiet --bare --initial-branch=main "$bare"
git init --quiet --initial-branch=main "$work"
cp -r "$root/manifests" "$work/manifests"
git -C "$work" add -A
git -C "$work" commit --quiet -m "seed: manifests/ as a new fork holds them"

controllers="$work/manifests/infrastructure/controllers"
{
  echo "# Real-stack test overlay: namespaces only (scripts/real-stack/seed-repository.sh)."
  echo "apiVersion: kustomize.config.k8s.io/v1beta1"
  echo "kind: Kustomization"
  echo "resources:"
  (cd "$controllers" && ls ./*/namespace.yaml | sed 's#^\./#  - #')
} >"$controllers/kustomization.yaml"
printf '%s\n' "# Real-stack test overlay: cert-manager's and Cilium's CRDs come with their charts." \
  "apiVersion: kustomize.config.k8s.io/v1beta1" "kind: Kustomization" \
  "resources: [gateway, flux-webhook/httproute.yaml]" \
  >"$work/manifests/infrastructure/configs/kustomization.yaml"
printf '%s\n' "# Real-stack test overlay: the Gateway API CRDs are applied from the gateway-api Go module." \
  "apiVersion: kustomize.config.k8s.io/v1beta1" "kind: Kustomization" "resources: []" \
  >"$work/manifests/infrastructure/gateway-api/kustomization.yaml"
git -C "$work" commit --quiet -am "real stack: test overlay for what needs the internet or running pods"
git -C "$work" push --quiet "$bare" HEAD:refs/heads/main
