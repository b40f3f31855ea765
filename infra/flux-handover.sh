#!/usr/bin/env bash
# Hands a cluster that runs Flux to the GitOps repository. Run by cloud-init on the control plane
# and by scripts/real-stack.sh on loopback: one script, so the test is the real handover.
#   flux-handover.sh PLATFORM_ENV SYNC_YAML
# PLATFORM_ENV: NAME=value lines, the foundry-platform ConfigMap every Kustomization substitutes
# from. SYNC_YAML: manifests/clusters/foundry/sync.yaml as Git holds it. GIT_USERNAME and
# GIT_PASSWORD in the environment, when set, become the foundry-git Secret the GitRepository uses.
#
# sync.yaml is applied substituted from the same settings, so the root Kustomization has its
# postBuild.substituteFrom from the first reconcile on (`flux create kustomization` has none, and
# the first reconcile failed on the tree's first ${VAR}). kubectl is the field manager Flux takes
# over, so from then on Git owns both objects.
set -euo pipefail
platform_env="$1" sync_yaml="$2"
kubectl="${KUBECTL:-kubectl}"

# Flux's substitution: ${NAME}, ${NAME:=default} and ${NAME:-default}; an unset NAME without a
# default is an error, as with Flux's strict substitution.
substitute() {
  perl -e '
    my ($env, $yaml) = @ARGV; my %v;
    open(my $e, "<", $env) or die "$env: $!\n";
    while (<$e>) { chomp; next if /^\s*(#|$)/; /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/ or die "$env: not NAME=value: $_\n"; $v{$1} = $2; }
    open(my $y, "<", $yaml) or die "$yaml: $!\n"; local $/; my $text = <$y>;
    $text =~ s#\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[=-]([^}]*))?\}#
      defined $v{$1} && $v{$1} ne "" ? $v{$1} : defined $2 ? $2 : die "$yaml: \${$1} is not set in $env\n"
    #ge;
    print $text;' "$platform_env" "$sync_yaml"
}

apply() { "$kubectl" apply --server-side -f -; }
"$kubectl" create namespace flux-system --dry-run=client -o yaml | apply >/dev/null
"$kubectl" -n flux-system create configmap foundry-platform --from-env-file="$platform_env" \
  --dry-run=client -o yaml | apply
if [ -n "${GIT_PASSWORD:-}" ]; then
  # From a file: a --from-literal argument would show the token in ps while kubectl runs.
  password="$(umask 077 && mktemp)"
  trap 'rm -f "$password"' EXIT
  printf '%s' "$GIT_PASSWORD" >"$password"
  "$kubectl" -n flux-system create secret generic foundry-git \
    --from-literal=username="${GIT_USERNAME:-git}" --from-file=password="$password" \
    --dry-run=client -o yaml | apply
fi
substitute | apply
