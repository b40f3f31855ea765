#!/usr/bin/env bash
# GitHub Actions to OCI with no stored OCI API key (.github/workflows/terraform.yml). The job's
# OIDC token, requested with the OAuth client id as its audience (the identity-propagation trust
# in infra/terraform/modules/iam/ci-federation.tf matches aud against it), is exchanged at the
# identity domain's /oauth2/v1/token for a UPST bound to a key pair made here and now (the
# request the OCI Go SDK's token-exchange provider makes: common/auth). The result is an OCI
# config profile that the provider and the "oci" state backend read with auth = "SecurityToken".
#   oci-token-exchange.sh PROFILE
# Env: OCI_DOMAIN_URL, OCI_CLIENT_ID, OCI_CLIENT_SECRET, OCI_REGION, OCI_TENANCY_OCID, and the
# ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN GitHub sets for a job with `id-token: write`.
# OCI_CONFIG_DIR overrides ~/.oci.
set -euo pipefail
profile="${1:?usage: oci-token-exchange.sh PROFILE}"
for name in OCI_DOMAIN_URL OCI_CLIENT_ID OCI_CLIENT_SECRET OCI_REGION OCI_TENANCY_OCID; do
  [ -n "${!name:-}" ] || { echo "oci-token-exchange: $name is not set" >&2; exit 1; }
done
: "${ACTIONS_ID_TOKEN_REQUEST_URL:?the job needs permissions: id-token: write}"
: "${ACTIONS_ID_TOKEN_REQUEST_TOKEN:?the job needs permissions: id-token: write}"

umask 077
dir="${OCI_CONFIG_DIR:-$HOME/.oci}"
mkdir -p "$dir/$profile"
key="$dir/$profile/key.pem" token_file="$dir/$profile/token"
headers="$(mktemp)" subject="$(mktemp)"
trap 'rm -f "$headers" "$subject"' EXIT
mask() { [ -z "${GITHUB_ACTIONS:-}" ] || echo "::add-mask::$1"; }

audience="$(jq -rn --arg v "$OCI_CLIENT_ID" '$v | @uri')"
printf 'Authorization: Bearer %s\n' "$ACTIONS_ID_TOKEN_REQUEST_TOKEN" >"$headers"
jwt="$(curl -fsS -H "@$headers" "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=$audience" | jq -r '.value')"
mask "$jwt"
# curl reads it from a file: a command-line argument would show in ps while curl runs.
printf '%s' "$jwt" >"$subject"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
public_key="$(openssl pkey -in "$key" -pubout -outform DER | base64 -w0)"
printf 'Authorization: Basic %s\n' "$(printf '%s:%s' "$OCI_CLIENT_ID" "$OCI_CLIENT_SECRET" | base64 -w0)" \
  >"$headers"
response="$(curl -fsS -X POST "${OCI_DOMAIN_URL%/}/oauth2/v1/token" -H "@$headers" \
  -H 'Accept: application/json' \
  --data-urlencode 'grant_type=urn:ietf:params:oauth:grant-type:token-exchange' \
  --data-urlencode 'requested_token_type=urn:oci:token-type:oci-upst' \
  --data-urlencode 'subject_token_type=jwt' \
  --data-urlencode "subject_token@$subject" \
  --data-urlencode "public_key=$public_key")"
upst="$(jq -r '.token // empty' <<<"$response")"
[ -n "$upst" ] || { echo "oci-token-exchange: the identity domain returned no token" >&2; exit 1; }
mask "$upst"
printf '%s' "$upst" >"$token_file"

fingerprint="$(openssl pkey -in "$key" -pubout -outform DER | openssl md5 -c | sed 's/^.*= //')"
cat >>"$dir/config" <<CONFIG
[$profile]
tenancy=$OCI_TENANCY_OCID
region=$OCI_REGION
fingerprint=$fingerprint
key_file=$key
security_token_file=$token_file
CONFIG
echo "oci-token-exchange: profile $profile in $dir/config (the session token lasts up to an hour)"
