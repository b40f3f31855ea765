#!/usr/bin/env bash
# Installs the pinned Flux release's CRDs into the loopback API server the way `flux install` does:
# the release's own install kustomization (manifests/install of the flux2 module at that version:
# namespace, network policies, labels), with the CRDs of exactly the controller versions its
# manifests/bases name, taken from those controllers' modules. The controllers themselves run
# as processes (no kubelet here), so their Deployments are left out.
#   install-flux.sh WORK_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/versions.sh"
work="$1"
kubectl="${KUBECTL:?KUBECTL names the pinned kubectl}"
flux_dir="$(module_dir github.com/fluxcd/flux2/v2 "$REAL_STACK_FLUX")"

rm -rf "$work" && mkdir -p "$work/crds"
cp "$flux_dir/manifests/install/namespace.yaml" "$flux_dir/manifests/install/labels.yaml" "$work/"
cp "$flux_dir/manifests/install/labels.yaml" "$work/crds/"
cp -r "$flux_dir/manifests/policies" "$work/policies"
for controller in source-controller kustomize-controller helm-controller notification-controller; do
  cp "$(module_dir "github.com/fluxcd/$controller" "$(flux_controller_version "$controller")")"/config/crd/bases/*.yaml "$work/crds/"
done
chmod -R u+w "$work"
{
  echo "apiVersion: kustomize.config.k8s.io/v1beta1"
  echo "kind: Kustomization"
  echo "namespace: flux-system"
  echo "resources: [namespace.yaml, policies]"
  echo "transformers: [labels.yaml]"
  # flux install labels everything it applies with the release it comes from.
  echo "labels: [{pairs: {app.kubernetes.io/version: $REAL_STACK_FLUX}}]"
} >"$work/kustomization.yaml"
crds="$(cd "$work/crds" && ls ./*.yaml | grep -v labels.yaml)"
{
  echo "apiVersion: kustomize.config.k8s.io/v1beta1"
  echo "kind: Kustomization"
  echo "resources:"
  echo "$crds" | sed 's/^/  - /'
  echo "transformers: [labels.yaml]"
  echo "labels: [{pairs: {app.kubernetes.io/version: $REAL_STACK_FLUX}}]"
} >"$work/crds/kustomization.yaml"
"$kubectl" kustomize "$work/crds" | "$kubectl" apply --server-side -f - >/dev/null
"$kubectl" kustomize "$work" | "$kubectl" apply --server-side -f - >/dev/null
"$kubectl" wait --for=condition=Established --timeout=60s \
  -l app.kubernetes.io/part-of=flux crd >/dev/null
echo "real-stack: Flux $REAL_STACK_FLUX CRDs installed ($(echo "$crds" | wc -l) definitions)"
