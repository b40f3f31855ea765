#!/usr/bin/env bash
# The real control plane on loopback: etcd and kube-apiserver at the Kubernetes version K3s pins,
# Flux's source-, kustomize- and notification-controller at the versions the pinned Flux ships,
# with that release's CRDs; Rufio and a Redfish BMC (scripts/real-stack/bmc.sh) driving a QEMU VM;
# stand-ins (e2e/real-stack/) only for what cannot be had here. What is real and what is a
# stand-in, and why: docs/platform/real-stack.md.
#   FOUNDRY_CONSOLE_URL=http://127.0.0.1:PORT bash scripts/real-stack.sh start DIR
#   bash scripts/real-stack.sh stop DIR
#   bash scripts/real-stack.sh stop-apiserver|start-apiserver DIR   (tests: an API server restart)
# REAL_STACK_PUBLIC_IP (default 127.0.0.1) is the address the machines being provisioned reach
# this host at, as TINKERBELL_PUBLIC_IP is on a site: QEMU's user network reaches it at 10.0.2.2.
# start builds what is missing (cached by version), starts every part, seeds DIR/gitops.git from
# manifests/ when absent, hands the cluster to Flux with infra/flux-handover.sh, waits until the
# Kustomizations that can be Ready here are, and writes DIR/env for a console.
# REAL_STACK_BMC=0 leaves out the BMC (libvirtd, sushy-emulator and the VM); Rufio runs anyway.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/scripts/real-stack"
command="${1:-}" dir="${2:-}"
case "$command" in start | stop | stop-apiserver | start-apiserver) ;; *) command="" ;; esac
[ -n "$dir" ] && [ -n "$command" ] || {
  echo "usage: FOUNDRY_CONSOLE_URL=http://127.0.0.1:PORT $0 start DIR | $0 stop DIR" >&2
  echo "       $0 stop-apiserver DIR | $0 start-apiserver DIR" >&2
  exit 2
}
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
cache="${REAL_STACK_CACHE:-$HOME/.cache/metal-foundry/real-stack}"
export REAL_STACK_CACHE="$cache"

stop_all() {
  # A BMC still starting in the background finishes first, so nothing starts after the stop.
  if [ -n "${bmc_pid:-}" ]; then wait "$bmc_pid" 2>/dev/null || true; fi
  bash "$here/bmc.sh" stop "$dir"
  stop_parts "$dir"/pids/*.pid
}
# A PID from a stale file (say, after a reboot) may name someone else's process: only one whose
# command line or environment names this stack's folder is ours to stop.
ours() { grep -qsF "$dir/" "/proc/$1/cmdline" || grep -qsF "$dir/" "/proc/$1/environ"; }
stop_parts() {
  local pidfile pid name
  for pidfile in "$@"; do
    [ -e "$pidfile" ] || continue
    pid="$(cat "$pidfile")" name="$(basename "$pidfile" .pid)"
    if kill -0 "$pid" 2>/dev/null && ours "$pid"; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      echo "real-stack: stopped $name ($pid)"
    fi
    rm -f "$pidfile"
  done
}

if [ "$command" = stop ]; then
  stop_all
  exit 0
fi
if [ "$command" = stop-apiserver ]; then
  stop_parts "$dir/pids/kube-apiserver.pid"
  exit 0
fi

[ "$command" = start-apiserver ] ||
  : "${FOUNDRY_CONSOLE_URL:?set FOUNDRY_CONSOLE_URL to the console the Flux Provider posts to}"
started=$SECONDS
stage() { echo "real-stack: $1 ($((SECONDS - started)) s)"; }

. "$here/versions.sh"
bash "$here/build.sh"
stage "built or cached"
bin() { echo "$cache/bin/$1-$2"; }
etcd_bin="$(ls "$cache"/bin/etcd-v* | sort -V | tail -n 1)"
apiserver_bin="$(bin kube-apiserver "$REAL_STACK_KUBERNETES")"
export KUBECTL="$(bin kubectl "$REAL_STACK_KUBERNETES")"
source_bin="$(bin source-controller "$(flux_controller_version source-controller)")"
kustomize_bin="$(bin kustomize-controller "$(flux_controller_version kustomize-controller)")"
notification_bin="$(bin notification-controller "$(flux_controller_version notification-controller)")"
rufio_bin="$(bin rufio "$REAL_STACK_RUFIO")"

mkdir -p "$dir/logs" "$dir/pids" "$dir/flux/source"
[ "$command" = start-apiserver ] || stop_all >/dev/null
names=(ETCD ETCD_PEER APISERVER SOURCE_STORAGE SOURCE_HEALTH SOURCE_METRICS KUSTOMIZE_HEALTH
  KUSTOMIZE_METRICS EVENTS RECEIVER NOTIFICATION_HEALTH NOTIFICATION_METRICS GIT SMEE ARTIFACTS BMC
  RUFIO_HEALTH RUFIO_METRICS)
ports_complete() {
  local name
  for name in "${names[@]}"; do grep -qs "^$name=" "$dir/ports.env" || return 1; done
}
# A folder from before a part was added lacks that part's port: start chooses them all again
# (start-apiserver keeps the ports the running parts use).
if [ ! -s "$dir/ports.env" ] || { [ "$command" = start ] && ! ports_complete; }; then
  mapfile -t free < <(node "$here/free-ports.mjs" "${#names[@]}")
  for i in "${!names[@]}"; do echo "${names[$i]}=${free[$i]}"; done >"$dir/ports.env"
fi
. "$dir/ports.env"
# The BMC starts beside the control plane (it needs none of it) and is waited for at the end.
bmc_pid=""
if [ "$command" = start ] && [ "${REAL_STACK_BMC:-1}" != 0 ]; then
  bash "$here/bmc.sh" start "$dir" &
  bmc_pid=$!
fi

run() { # NAME COMMAND…: in its own process group, so stop ends it with its children
  local name="$1"
  shift
  setsid "$@" >>"$dir/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/pids/$name.pid"
}
wait_until() { # WHAT SECONDS COMMAND…
  local what="$1" seconds="$2"
  shift 2
  for _ in $(seq $((seconds * 4))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "real-stack: $what did not answer within $seconds s; its log:" >&2
  tail -n 30 "$dir/logs/${what%% *}.log" >&2 2>/dev/null || true
  stop_all >&2
  exit 1
}
answers() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))' "$1"; }

start_apiserver() {
  run kube-apiserver "$apiserver_bin" --etcd-servers "http://127.0.0.1:$ETCD" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$APISERVER" \
    --cert-dir "$dir/pki" --tls-cert-file "$dir/pki/apiserver.crt" --tls-private-key-file "$dir/pki/apiserver.key" \
    --client-ca-file "$dir/pki/ca.crt" --authorization-mode RBAC \
    --service-account-issuer https://kubernetes.default.svc \
    --service-account-key-file "$dir/pki/service-account.pub" \
    --service-account-signing-key-file "$dir/pki/service-account.key" \
    --service-cluster-ip-range 10.96.0.0/24 --disable-admission-plugins ServiceAccount \
    --enable-priority-and-fairness=false --profiling=false
}
if [ "$command" = start-apiserver ]; then
  start_apiserver
  export KUBECONFIG="$dir/kubeconfig"
  wait_until kube-apiserver 90 "$KUBECTL" get --raw /readyz
  exit 0
fi
bash "$here/pki.sh" "$dir/pki"
run etcd "$etcd_bin" --name real-stack --data-dir "$dir/etcd" --unsafe-no-fsync \
  --listen-client-urls "http://127.0.0.1:$ETCD" --advertise-client-urls "http://127.0.0.1:$ETCD" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER" \
  --initial-cluster "real-stack=http://127.0.0.1:$ETCD_PEER"
wait_until etcd 30 answers "http://127.0.0.1:$ETCD/health"
start_apiserver
cat >"$dir/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: real-stack
    cluster:
      server: https://127.0.0.1:$APISERVER
      certificate-authority: $dir/pki/ca.crt
users:
  - name: admin
    user:
      client-certificate: $dir/pki/admin.crt
      client-key: $dir/pki/admin.key
contexts:
  - name: real-stack
    context: {cluster: real-stack, user: admin}
current-context: real-stack
EOF
chmod 600 "$dir/kubeconfig"
export KUBECONFIG="$dir/kubeconfig"
wait_until kube-apiserver 90 "$KUBECTL" get --raw /readyz
stage "Kubernetes $REAL_STACK_KUBERNETES API server ready"

bash "$here/install-flux.sh" "$dir/flux-install"
tinkerbell_crds="${REAL_STACK_TINKERBELL_CRDS:-$cache/crds/tinkerbell-$REAL_STACK_TINKERBELL}"
"$KUBECTL" apply --server-side -f "$tinkerbell_crds" >/dev/null
"$KUBECTL" wait --for=condition=Established --timeout=60s crd/hardware.tinkerbell.org \
  crd/workflows.tinkerbell.org crd/templates.tinkerbell.org >/dev/null
# The Gateway API CRDs the gateway-api Kustomization would fetch from GitHub, at the same tag,
# from the project's Go module (the same files).
gateway_api_crds="${REAL_STACK_GATEWAY_API_CRDS:-$(module_dir sigs.k8s.io/gateway-api "$REAL_STACK_GATEWAY_API")/config/crd/standard}"
"$KUBECTL" apply --server-side -f "$gateway_api_crds" >/dev/null
"$KUBECTL" wait --for=condition=Established --timeout=60s crd/gateways.gateway.networking.k8s.io \
  crd/httproutes.gateway.networking.k8s.io >/dev/null
# Rufio's CRDs came with Tinkerbell's above, as the pinned release installs them.
"$KUBECTL" wait --for=condition=Established --timeout=60s crd/machines.bmc.tinkerbell.org \
  crd/jobs.bmc.tinkerbell.org crd/tasks.bmc.tinkerbell.org >/dev/null
stage "CRDs installed"

# Keys are made once per stack folder; the console gets the Provider's in DIR/env.
[ -s "$dir/flux-webhook-secret" ] || openssl rand -hex 32 >"$dir/flux-webhook-secret"
[ -s "$dir/github-webhook-token" ] || openssl rand -hex 32 >"$dir/github-webhook-token"
for secret in foundry-console-webhook:flux-webhook-secret github-webhook-token:github-webhook-token; do
  "$KUBECTL" -n flux-system create secret generic "${secret%%:*}" \
    --from-literal=token="$(cat "$dir/${secret#*:}")" --dry-run=client -o yaml |
    "$KUBECTL" apply -f - >/dev/null
done

if [ ! -d "$dir/gitops.git" ]; then
  bash "$here/seed-repository.sh" "$dir/gitops.git"
fi
printf '#!/bin/sh\nexec node %s %s\n' "$here/post-receive.mjs" "$dir" >"$dir/gitops.git/hooks/post-receive"
chmod +x "$dir/gitops.git/hooks/post-receive"

public_ip="${REAL_STACK_PUBLIC_IP:-127.0.0.1}"
run stand-ins env REAL_STACK_DIR="$dir" REAL_STACK_ARTIFACTS_URL="http://$public_ip:$ARTIFACTS" \
  node --import tsx "$root/e2e/real-stack/stand-ins.ts"
wait_until "stand-ins (Git)" 30 answers "http://127.0.0.1:$GIT/gitops.git/info/refs?service=git-upload-pack"
wait_until "stand-ins (Smee)" 10 answers "http://127.0.0.1:$SMEE/"

export RUNTIME_NAMESPACE=flux-system
# The events the other two post, signed for the console's Provider; the Receiver the Git hook
# posts to. Started first, so that no event of theirs finds its address closed.
run notification-controller "$notification_bin" --watch-all-namespaces --enable-leader-election=false \
  --events-addr "127.0.0.1:$EVENTS" --receiverAddr "127.0.0.1:$RECEIVER" \
  --health-addr "127.0.0.1:$NOTIFICATION_HEALTH" --metrics-addr "127.0.0.1:$NOTIFICATION_METRICS"
run source-controller "$source_bin" --watch-all-namespaces --enable-leader-election=false \
  --storage-path "$dir/flux/source" --storage-addr "127.0.0.1:$SOURCE_STORAGE" \
  --storage-adv-addr "127.0.0.1:$SOURCE_STORAGE" --events-addr "http://127.0.0.1:$EVENTS/" \
  --health-addr "127.0.0.1:$SOURCE_HEALTH" --metrics-addr "127.0.0.1:$SOURCE_METRICS"
run kustomize-controller "$kustomize_bin" --watch-all-namespaces --enable-leader-election=false \
  --no-remote-bases=true --requeue-dependency=5s --events-addr "http://127.0.0.1:$EVENTS/" \
  --health-addr "127.0.0.1:$KUSTOMIZE_HEALTH" --metrics-addr "127.0.0.1:$KUSTOMIZE_METRICS"
wait_until source-controller 60 answers "http://127.0.0.1:$SOURCE_HEALTH/readyz"
wait_until kustomize-controller 60 answers "http://127.0.0.1:$KUSTOMIZE_HEALTH/readyz"
wait_until notification-controller 60 answers "http://127.0.0.1:$NOTIFICATION_HEALTH/readyz"
stage "Flux $REAL_STACK_FLUX controllers running"

# Rufio with the settings Tinkerbell v0.21.0 gives its embedded copy: a 2-minute BMC connect
# timeout, no leader election, every namespace.
run rufio "$rufio_bin" --kubeconfig "$dir/kubeconfig" --bmc-connect-timeout 2m \
  --metrics-bind-address "127.0.0.1:$RUFIO_METRICS" --health-probe-bind-address "127.0.0.1:$RUFIO_HEALTH"
wait_until rufio 60 answers "http://127.0.0.1:$RUFIO_HEALTH/readyz"
stage "Rufio $REAL_STACK_RUFIO running"

# The handover, with the same script cloud-init runs on the control plane.
cat >"$dir/platform.env" <<EOF
GIT_REPOSITORY_URL=http://127.0.0.1:$GIT/gitops.git
GITHUB_REPOSITORY=real-stack/gitops
CONSOLE_IMAGE=ghcr.io/real-stack/gitops
GIT_BRANCH=main
CONSOLE_HOSTNAME=localhost
CONSOLE_WEBHOOK_URL=${FOUNDRY_CONSOLE_URL%/}/api/webhooks/flux
ACME_EMAIL=real-stack@localhost
OCI_REGION=loopback
OCI_NAMESPACE=real-stack
BACKUP_BUCKET=real-stack-backups
TINKERBELL_PUBLIC_IP=$public_ip
TINKERBELL_ARTIFACTS_URL=http://$public_ip:$ARTIFACTS
K3S_VERSION=$REAL_STACK_K3S
K3S_URL=https://127.0.0.1:$APISERVER
K3S_CA_HASH=$(sha256sum "$dir/pki/ca.crt" | cut -d' ' -f1)
EOF
GIT_USERNAME=git GIT_PASSWORD=real-stack KUBECTL="$KUBECTL" \
  bash "$root/infra/flux-handover.sh" "$dir/platform.env" "$root/manifests/clusters/foundry/sync.yaml" >/dev/null
for kustomization in foundry infra-controllers infra-configs tinkerbell; do
  if ! "$KUBECTL" -n flux-system wait --for=condition=Ready --timeout=180s \
    "kustomization/$kustomization" >/dev/null 2>&1; then
    echo "real-stack: Kustomization $kustomization is not Ready:" >&2
    "$KUBECTL" -n flux-system get kustomizations,gitrepositories >&2 || true
    stop_all >&2
    exit 1
  fi
done
# The Git hook posts a push to the path this Receiver publishes once it is Ready.
if ! "$KUBECTL" -n flux-system wait --for=condition=Ready --timeout=60s receiver/github >/dev/null 2>&1; then
  echo "real-stack: the github Receiver is not Ready:" >&2
  "$KUBECTL" -n flux-system get receivers >&2 || true
  stop_all >&2
  exit 1
fi
stage "handed over: foundry, infra-controllers, infra-configs and tinkerbell Ready, Receiver Ready"

bmc_env=""
if [ -n "$bmc_pid" ]; then
  bmc_started="$bmc_pid" bmc_pid=""
  if ! wait "$bmc_started"; then
    echo "real-stack: the BMC did not start (REAL_STACK_BMC=0 leaves it out)" >&2
    stop_all >&2
    exit 1
  fi
  # Its credentials as an operator gives them to Rufio: a Secret beside the Machines.
  "$KUBECTL" -n tinkerbell create secret generic real-stack-bmc \
    --from-file=username="$dir/bmc/username" --from-file=password="$dir/bmc/password" \
    --dry-run=client -o yaml | "$KUBECTL" apply -f - >/dev/null
  bmc_env="$(cat "$dir/bmc/env")
REAL_STACK_BMC_SECRET=real-stack-bmc
REAL_STACK_BMC_SECRET_NAMESPACE=tinkerbell"
  stage "Redfish BMC (sushy-tools $REAL_STACK_SUSHY_TOOLS, libvirt, QEMU) on 127.0.0.1:$BMC"
fi

cat >"$dir/env" <<EOF
KUBECONFIG=$dir/kubeconfig
FOUNDRY_GIT_URL=http://127.0.0.1:$GIT/gitops.git
FOUNDRY_SMEE_URL=http://$public_ip:$SMEE
FLUX_WEBHOOK_SECRET=$(cat "$dir/flux-webhook-secret")
REAL_STACK_AGENT_URL=http://127.0.0.1:$SMEE/agent
EOF
[ -z "$bmc_env" ] || echo "$bmc_env" >>"$dir/env"
echo "$KUBECTL" >"$dir/kubectl-path"
stage "ready; settings in $dir/env"
