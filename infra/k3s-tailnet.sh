#!/usr/bin/env bash
# Puts the K3s server on the tailnet, before K3s is installed. Run by cloud-init on the control
# plane once `tailscale up` has succeeded.
#   k3s-tailnet.sh K3S_CONFIG PLATFORM_ENV
# Agents in a home lab reach the server only over Tailscale: without node-ip and
# advertise-address K3s picks the VCN's 10.0.0.x address and hands agents an endpoint they
# cannot reach, and without the tailnet name in tls-san their TLS check fails. The name and the
# URL go into the platform settings too, so the console gives joining servers the same URL, and
# so does the address a booting server reaches Tinkerbell at (docs/decisions/008-boot-path.md).
set -euo pipefail
k3s_config="$1" platform_env="$2"
tailscale="${TAILSCALE:-tailscale}"

address="$("$tailscale" ip -4 | head -n 1)"
[[ "$address" =~ ^100\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || {
  echo "k3s-tailnet: tailscale gave no IPv4 address in 100.64.0.0/10 (got '$address')" >&2
  exit 1
}
# MagicDNS name of this machine; tailscale prints it fully qualified, with the root's dot.
name="$("$tailscale" status --json | jq -er '.Self.DNSName | rtrimstr(".") | select(. != "")')" || {
  echo "k3s-tailnet: tailscale status has no MagicDNS name for this machine; enable MagicDNS" >&2
  exit 1
}

# tls-san is written here, not in cloud-init's copy: one key, so K3s reads every name.
grep -q '^tls-san:' "$k3s_config" && {
  echo "k3s-tailnet: $k3s_config already has tls-san" >&2
  exit 1
}
cat >>"$k3s_config" <<EOF
node-ip: $address
advertise-address: $address
tls-san:
  - $(hostname)
  - $name
  - $address
EOF
{
  echo "K3S_URL=https://$name:6443"
  echo "TINKERBELL_PUBLIC_IP=$address"
  echo "TINKERBELL_ARTIFACTS_URL=http://$address:7173"
} >>"$platform_env"
