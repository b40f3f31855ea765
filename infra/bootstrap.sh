#!/usr/bin/env bash
# Metal Foundry bootstrap, for OCI Cloud Shell:
#   git clone https://github.com/OWNER/metal-foundry && metal-foundry/infra/bootstrap.sh
# Safe to run again: Terraform converges, tfvars are rewritten from the same answers.
set -euo pipefail

readonly CAPACITY_MESSAGE="Free tier capacity unavailable, try again later"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
TF_DIR="${FOUNDRY_TF_DIR:-$SCRIPT_DIR/terraform}"
LIMITS_FILE="$SCRIPT_DIR/free-tier-limits.json"
PROFILES_FILE="$SCRIPT_DIR/capacity-profiles.json"

DRY_RUN=false
INTERACTIVE=true
[[ -t 0 ]] || INTERACTIVE=false
REPO="${FOUNDRY_REPO:-}"
HOSTNAME_PUBLIC="${FOUNDRY_HOSTNAME:-}"
ACME_EMAIL="${FOUNDRY_ACME_EMAIL:-}"
WORKERS="${FOUNDRY_WORKERS:-auto}"
PROFILE="${FOUNDRY_CAPACITY_PROFILE:-}"
COMPARTMENT="${FOUNDRY_COMPARTMENT:-}"
TAILSCALE_KEY="${FOUNDRY_TAILSCALE_KEY:-}"
WORKER_TAILSCALE_KEY="${FOUNDRY_WORKER_TAILSCALE_KEY:-}"
GITHUB_TOKEN_VALUE="${FOUNDRY_GITHUB_TOKEN:-}"
HEALTH_TIMEOUT="${FOUNDRY_HEALTH_TIMEOUT:-1800}"

usage() {
  cat <<'EOF'
Usage: infra/bootstrap.sh [options]

  --dry-run              check and show what would happen; write and create nothing
  --repo OWNER/NAME      your fork of metal-foundry            (env FOUNDRY_REPO)
  --hostname HOST        public hostname of the console        (env FOUNDRY_HOSTNAME)
  --email ADDRESS        Let's Encrypt account e-mail          (env FOUNDRY_ACME_EMAIL)
  --profile a1|micro     capacity profile (env FOUNDRY_CAPACITY_PROFILE; default a1): the
                         control plane on A1.Flex, or on the 1 GB micro with the rest on a
                         worker (docs/decisions/007-capacity-profiles.md). Never switched for you.
  --workers auto|none    add one A1 worker when free A1 is left (env FOUNDRY_WORKERS)
  --compartment OCID     defaults to the tenancy root          (env FOUNDRY_COMPARTMENT)
  --non-interactive      never prompt; fail on a missing value
  -h, --help

Secrets are never flags (they would land in shell history):
  FOUNDRY_TAILSCALE_KEY         one-off, pre-authorised Tailscale auth key (prompted without echo)
  FOUNDRY_WORKER_TAILSCALE_KEY  another one for the A1 worker, asked only when one is added
  FOUNDRY_GITHUB_TOKEN          fine-grained token, contents: read on the fork (prompted without echo)

Outside Cloud Shell, FOUNDRY_OCI_AUTH (SecurityToken or ApiKey) and OCI_CLI_PROFILE choose how
Terraform signs in; in Cloud Shell it uses Cloud Shell's delegation token.
EOF
}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

run() {
  if [[ "$DRY_RUN" == true ]]; then
    printf '[dry-run] would run: %s\n' "$*" >&2
  else
    "$@"
  fi
}

parse_args() {
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --dry-run) DRY_RUN=true ;;
      --repo) REPO="${2:?--repo needs a value}"; shift ;;
      --hostname) HOSTNAME_PUBLIC="${2:?--hostname needs a value}"; shift ;;
      --email) ACME_EMAIL="${2:?--email needs a value}"; shift ;;
      --workers) WORKERS="${2:?--workers needs a value}"; shift ;;
      --profile) PROFILE="${2:?--profile needs a value}"; shift ;;
      --compartment) COMPARTMENT="${2:?--compartment needs a value}"; shift ;;
      --non-interactive) INTERACTIVE=false ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
  done
  [[ "$WORKERS" == auto || "$WORKERS" == none ]] || die "--workers must be auto or none"
}

# The profile's control plane (infra/capacity-profiles.json), read once the tools are checked.
read_profile() {
  [[ -f "$PROFILES_FILE" ]] || die "missing $PROFILES_FILE"
  [[ -n "$PROFILE" ]] || PROFILE="$(jq -r '.default' "$PROFILES_FILE")"
  jq -e --arg p "$PROFILE" '.profiles | has($p)' "$PROFILES_FILE" >/dev/null ||
    die "--profile must be one of: $(jq -r '.profiles | keys | join(", ")' "$PROFILES_FILE")"
  CP_SHAPE="$(jq -r --arg p "$PROFILE" '.profiles[$p].shape' "$PROFILES_FILE")"
  CP_OCPUS="$(jq -r --arg p "$PROFILE" '.profiles[$p].ocpus' "$PROFILES_FILE")"
  CP_MEM="$(jq -r --arg p "$PROFILE" '.profiles[$p].memory_gb' "$PROFILES_FILE")"
}

# Cloud Shell signs requests as its host's instance principal on behalf of the user, whose
# delegation token is a file (the CLI: OCI_CLI_AUTH=instance_obo_user). The Terraform provider
# does the same with auth = "InstancePrincipal" and the token sent as opc-obo-token, which it
# reads from OCI_use_obo_token / OCI_obo_token_path (oracle/oci internal/provider/provider.go).
oci_auth_setup() {
  OCI_PROFILE="${OCI_CLI_PROFILE:-DEFAULT}"
  if [[ "${OCI_CLI_AUTH:-}" == instance_obo_user ]]; then
    local token="${OCI_DELEGATION_TOKEN_FILE:-${OCI_obo_token_path:-/etc/oci/delegation_token}}"
    [[ -r "$token" ]] || die "Cloud Shell's delegation token $token is not readable"
    OCI_AUTH_MODE=InstancePrincipal
    export OCI_use_obo_token=true OCI_obo_token_path="$token"
    log "Cloud Shell: Terraform signs in with your delegation token ($token)"
  else
    OCI_AUTH_MODE="${FOUNDRY_OCI_AUTH:-SecurityToken}"
    [[ "$OCI_AUTH_MODE" == SecurityToken || "$OCI_AUTH_MODE" == ApiKey ]] \
      || die "FOUNDRY_OCI_AUTH must be SecurityToken or ApiKey"
    log "Terraform signs in with $OCI_AUTH_MODE, profile $OCI_PROFILE of ~/.oci/config"
  fi
}

# Prints the first availability domain (in OCI's order) that offers the shape to this tenancy,
# or nothing. In multi-AD regions E2.1.Micro is offered in one AD only, not always the first.
shape_ad() {
  local ad shapes
  for ad in "${ADS[@]}"; do
    shapes="$(oci compute shape list --compartment-id "$TENANCY" --availability-domain "$ad" \
      --region "$HOME_REGION" --all)"
    if jq -e --arg shape "$1" 'any(.data[]?; .shape == $shape)' <<<"$shapes" >/dev/null; then
      printf '%s\n' "$ad"
      return 0
    fi
  done
}

preflight() {
  local tool
  for tool in oci terraform git jq curl; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (OCI Cloud Shell has all of them)"
  done
  [[ -f "$LIMITS_FILE" ]] || die "missing $LIMITS_FILE"
  oci_auth_setup
  TENANCY="${OCI_TENANCY:-${OCI_CLI_TENANCY:-}}"
  [[ -n "$TENANCY" ]] || die "no tenancy OCID: run this in OCI Cloud Shell, or export OCI_TENANCY"
  COMPARTMENT="${COMPARTMENT:-$TENANCY}"
  HOME_REGION="$(oci iam region-subscription list --tenancy-id "$TENANCY" \
    | jq -r '.data[] | select(."is-home-region") | ."region-name"')"
  [[ -n "$HOME_REGION" ]] || die "could not read the tenancy's home region"
  if [[ -n "${OCI_REGION:-}" && "$OCI_REGION" != "$HOME_REGION" ]]; then
    log "Cloud Shell is in $OCI_REGION; Always Free compute lives in the home region $HOME_REGION"
  fi
  local ads
  ads="$(oci iam availability-domain list --compartment-id "$TENANCY" --region "$HOME_REGION")"
  mapfile -t ADS < <(jq -r '.data[].name' <<<"$ads")
  [[ ${#ADS[@]} -gt 0 ]] || die "could not list the availability domains of $HOME_REGION"
  MICRO_AD="$(shape_ad "$(jq -r '.shapes.micro' "$LIMITS_FILE")")"
  A1_AD="$(shape_ad "$(jq -r '.shapes.a1' "$LIMITS_FILE")")"
  read_profile
  if [[ "$CP_SHAPE" == "$(jq -r '.shapes.micro' "$LIMITS_FILE")" && -z "$MICRO_AD" ]]; then
    die "no availability domain of $HOME_REGION offers the Always Free micro shape to this tenancy"
  fi
  if [[ "$CP_SHAPE" == "$(jq -r '.shapes.a1' "$LIMITS_FILE")" && -z "$A1_AD" ]]; then
    die "no availability domain of $HOME_REGION offers A1 to this tenancy: the $PROFILE profile needs it; run again with --profile micro to put the control plane on the micro"
  fi
  log "capacity profile $PROFILE: the control plane on $CP_SHAPE"
  log "tenancy ok, home region $HOME_REGION; micro in $MICRO_AD, A1 in ${A1_AD:-no AD}"
}

# Prints "used available" for one compute limit in the given AD (the one that has the shape).
limit_usage() {
  oci limits resource-availability get --service-name compute --limit-name "$1" \
    --compartment-id "$TENANCY" --availability-domain "$2" --region "$HOME_REGION" \
    | jq -r '"\(.data.used // 0) \(.data.available // 0)"'
}

# Counts what this configuration already owns, so a re-run does not count itself twice.
own_instances() {
  oci compute instance list --compartment-id "$COMPARTMENT" --region "$HOME_REGION" --all \
    | jq --arg shape "$1" '[.data[]? | select(."lifecycle-state" != "TERMINATED")
        | select(.shape == $shape) | select(."freeform-tags"."metal-foundry" == "true")]'
}

capacity_check() {
  local micro_shape a1_shape micro_usage a1_usage mem_usage micro_used micro_free a1_used a1_free
  local mem_used mem_free own_micro own_a1
  micro_shape="$(jq -r '.shapes.micro' "$LIMITS_FILE")"
  a1_shape="$(jq -r '.shapes.a1' "$LIMITS_FILE")"
  # Plain assignments, so a failing oci call stops the script (set -e).
  micro_usage="0 0"
  [[ -z "$MICRO_AD" ]] || micro_usage="$(limit_usage vm-standard-e2-1-micro-count "$MICRO_AD")"
  a1_usage="0 0"
  mem_usage="0 0"
  if [[ -n "$A1_AD" ]]; then
    a1_usage="$(limit_usage standard-a1-core-count "$A1_AD")"
    mem_usage="$(limit_usage standard-a1-memory-count "$A1_AD")"
  fi
  read -r micro_used micro_free <<<"$micro_usage"
  read -r a1_used a1_free <<<"$a1_usage"
  read -r mem_used mem_free <<<"$mem_usage"
  own_micro="$(own_instances "$micro_shape")"
  own_a1="$(own_instances "$a1_shape")"

  EXISTING_MICRO=$((micro_used - $(jq 'length' <<<"$own_micro")))
  EXISTING_A1_OCPUS=$((a1_used - $(jq '[.[]."shape-config".ocpus // 0] | add // 0 | floor' <<<"$own_a1")))
  EXISTING_A1_MEM=$((mem_used - $(jq '[.[]."shape-config"."memory-in-gbs" // 0] | add // 0 | floor' <<<"$own_a1")))
  log "micro instances: $micro_used used, $micro_free free; A1: $a1_used/$a1_free OCPU, $mem_used/$mem_free GB used/free"

  A1_OCPUS="$(jq -r '.limits.a1_ocpus' "$LIMITS_FILE")"
  A1_MEM="$(jq -r '.limits.a1_memory_gb' "$LIMITS_FILE")"
  # What a cloud worker may take: the A1 allowance less the control plane's share of it.
  WORKER_OCPUS="$A1_OCPUS" WORKER_MEM="$A1_MEM"
  if [[ "$CP_SHAPE" == "$micro_shape" ]]; then
    if [[ "$(jq 'length' <<<"$own_micro")" -eq 0 && "$micro_free" -lt 1 ]]; then
      die "no Always Free micro instance left in this tenancy ($micro_used in use); free one first"
    fi
  else
    if [[ "$(jq 'length' <<<"$own_a1")" -eq 0 ]] &&
      [[ "$((A1_OCPUS - EXISTING_A1_OCPUS))" -lt "$CP_OCPUS" || "$((A1_MEM - EXISTING_A1_MEM))" -lt "$CP_MEM" ]]; then
      die "the tenancy's Always Free A1 left ($((A1_OCPUS - EXISTING_A1_OCPUS)) OCPU, $((A1_MEM - EXISTING_A1_MEM)) GB) is less than the $PROFILE control plane needs ($CP_OCPUS OCPU, $CP_MEM GB); free some, or run again with --profile micro"
    fi
    WORKER_OCPUS=$((A1_OCPUS - CP_OCPUS)) WORKER_MEM=$((A1_MEM - CP_MEM))
  fi
  ADD_WORKER=false
  if [[ "$WORKERS" == auto && -z "$A1_AD" ]]; then
    log "no availability domain offers A1 to this tenancy: no cloud worker this time"
  elif [[ "$WORKERS" == auto && "$WORKER_OCPUS" -lt 1 ]]; then
    log "the $PROFILE control plane takes the whole A1 allowance: no cloud worker"
  elif [[ "$WORKERS" == auto ]]; then
    # EXISTING_* leave out this configuration's own instances: the plan is the whole allowance.
    if [[ "$((A1_OCPUS - EXISTING_A1_OCPUS))" -ge "$A1_OCPUS" && "$((A1_MEM - EXISTING_A1_MEM))" -ge "$A1_MEM" ]]; then
      ADD_WORKER=true
    else
      log "the tenancy already uses A1 capacity: no cloud worker this time"
    fi
  fi
}

ask() {
  local var="$1" prompt="$2" secret="${3:-}"
  [[ -n "${!var}" ]] && return 0
  [[ "$INTERACTIVE" == true ]] || die "$prompt is required (see --help for its flag or env)"
  local answer
  if [[ "$secret" == secret ]]; then
    read -r -s -p "$prompt: " answer
    printf '\n' >&2
  else
    read -r -p "$prompt: " answer
  fi
  printf -v "$var" '%s' "$answer"
}

prompts() {
  ask REPO "GitHub repository (owner/name)"
  ask HOSTNAME_PUBLIC "Console hostname (e.g. foundry.example.org)"
  ask ACME_EMAIL "E-mail for Let's Encrypt"
  ask TAILSCALE_KEY "Tailscale auth key (one-off, pre-authorised)" secret
  ask GITHUB_TOKEN_VALUE "GitHub token (contents: read on $REPO)" secret
  [[ "$REPO" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] || die "repository must look like owner/name"
  [[ "$TAILSCALE_KEY" == tskey-* ]] || die "the Tailscale key should start with tskey-"
  if [[ "$ADD_WORKER" == true ]]; then
    ask WORKER_TAILSCALE_KEY "Tailscale auth key for the A1 worker (another one-off key)" secret
    [[ "$WORKER_TAILSCALE_KEY" == tskey-* ]] || die "the worker's Tailscale key should start with tskey-"
  fi
}

tfvars() {
  local workers="[]"
  if [[ "$ADD_WORKER" == true ]]; then
    workers="[{ name = \"arm-1\", shape = \"VM.Standard.A1.Flex\", ocpus = $WORKER_OCPUS, memory_gb = $WORKER_MEM }]"
  fi
  local profile=""
  [[ "$OCI_AUTH_MODE" == InstancePrincipal ]] || profile="oci_config_profile = \"$OCI_PROFILE\""
  cat <<EOF
# Written by infra/bootstrap.sh; re-running it rewrites this file.
oci_auth          = "$OCI_AUTH_MODE"
$profile
capacity_profile  = "$PROFILE"
tenancy_ocid      = "$TENANCY"
compartment_ocid  = "$COMPARTMENT"
region            = "$HOME_REGION"
github_repository = "$REPO"
console_hostname  = "$HOSTNAME_PUBLIC"
acme_email        = "$ACME_EMAIL"
workers           = $workers
existing_usage = {
  micro_instances = $EXISTING_MICRO
  a1_ocpus        = $EXISTING_A1_OCPUS
  a1_memory_gb    = $EXISTING_A1_MEM
}
EOF
}

secrets() {
  printf 'tailscale_auth_key = "%s"\ngithub_token       = "%s"\n' "$TAILSCALE_KEY" "$GITHUB_TOKEN_VALUE"
  [[ "$ADD_WORKER" != true ]] || printf 'worker_tailscale_auth_key = "%s"\n' "$WORKER_TAILSCALE_KEY"
}

# terraform.tfvars and the secrets file (named $2) in directory $1, the secrets mode 600 from
# the start.
write_vars_to() {
  tfvars >"$1/terraform.tfvars"
  (
    umask 077
    secrets >"$1/$2"
  )
  chmod 600 "$1/$2"
}

write_vars() {
  if [[ "$DRY_RUN" == true ]]; then
    log "would write $TF_DIR/terraform.tfvars:"
    tfvars >&2
    log "would write $TF_DIR/secrets.auto.tfvars (mode 600): $(secrets | cut -d' ' -f1 | paste -sd, -)"
    return 0
  fi
  write_vars_to "$TF_DIR" secrets.auto.tfvars
}

# The dry run's plan: the same answers in a private temporary directory (removed on exit), and
# Terraform's working data there too, so nothing lands in $TF_DIR except Terraform's dependency
# lock file (.terraform.lock.hcl) when it has none yet. The plan reads OCI and runs the $0
# guard; it creates nothing.
plan() {
  DRY_TMP="$(mktemp -d)"
  trap 'rm -rf "$DRY_TMP"' EXIT
  write_vars_to "$DRY_TMP" secrets.tfvars
  log "terraform plan with the answers above (nothing is created)"
  TF_DATA_DIR="$DRY_TMP/data" terraform -chdir="$TF_DIR" init -input=false >&2
  TF_DATA_DIR="$DRY_TMP/data" terraform -chdir="$TF_DIR" plan -input=false -lock=false \
    -var-file="$DRY_TMP/terraform.tfvars" -var-file="$DRY_TMP/secrets.tfvars" >&2 \
    || die "terraform plan failed (see above); nothing was created"
  run terraform -chdir="$TF_DIR" apply -input=false -auto-approve
}

apply() {
  if [[ "$DRY_RUN" == true ]]; then
    plan
    return 0
  fi
  terraform -chdir="$TF_DIR" init -input=false
  local out
  out="$(mktemp)"
  if ! terraform -chdir="$TF_DIR" apply -input=false -auto-approve 2>&1 | tee "$out"; then
    if grep -qi 'out of host capacity' "$out"; then
      rm -f "$out"
      printf '%s\n' "$CAPACITY_MESSAGE" >&2
      exit 75
    fi
    rm -f "$out"
    die "terraform apply failed (see above); fix it and run this script again"
  fi
  rm -f "$out"
  announce_dns
}

# Right after apply, before the long wait: the record can be made while the node boots, and
# Let's Encrypt cannot issue the console's certificate until it resolves.
announce_dns() {
  local ip
  ip="$(terraform -chdir="$TF_DIR" output -raw control_plane_public_ip)"
  cat >&2 <<EOF

==> The control plane's public IP is $ip. Create this DNS record now:
      $HOSTNAME_PUBLIC.  A  $ip

EOF
}

wait_healthy() {
  local url="https://$HOSTNAME_PUBLIC/api/health" waited=0
  if [[ "$DRY_RUN" == true ]]; then
    log "would wait up to ${HEALTH_TIMEOUT}s for $url"
    return 0
  fi
  log "waiting for $url (K3s, Cilium, Flux and the console take 10-20 minutes on a micro VM)"
  until curl -fsS --max-time 5 "$url" >/dev/null 2>&1; do
    ((waited >= HEALTH_TIMEOUT)) && die "no answer from $url after ${HEALTH_TIMEOUT}s; see docs/platform/README.md"
    sleep 15
    waited=$((waited + 15))
  done
}

next_steps() {
  local ip="<the IP apply prints>"
  [[ "$DRY_RUN" == true ]] || ip="$(terraform -chdir="$TF_DIR" output -raw control_plane_public_ip)"
  cat <<EOF

Metal Foundry console: https://$HOSTNAME_PUBLIC
Next:
  1. DNS: an A record $HOSTNAME_PUBLIC -> $ip (if you have not made it yet).
  2. The Tailscale key was one-off and is spent; rotate the GitHub token when convenient.
  3. Move Terraform state to the bucket: see docs/platform/README.md ("State").
  4. GitHub webhook for instant sync: docs/platform/README.md ("Receiver").
EOF
}

main() {
  parse_args "$@"
  [[ "$DRY_RUN" == true ]] && log "dry run: nothing will be written or created"
  preflight
  capacity_check
  prompts
  write_vars
  apply
  if [[ "$CP_SHAPE" == "$(jq -r '.shapes.micro' "$LIMITS_FILE")" && "$ADD_WORKER" != true ]]; then
    # The micro profile runs the console on a worker (docs/decisions/007-capacity-profiles.md).
    log "the $PROFILE profile runs the console on a worker, and none was added: it answers once one joins"
    next_steps
    return 0
  fi
  wait_healthy
  next_steps
}

main "$@"
