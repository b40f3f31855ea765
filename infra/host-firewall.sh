#!/usr/bin/env bash
# Opens the host firewall of OCI's Ubuntu image for what the platform serves, and keeps it so
# across reboots. The image's rules (/etc/iptables/rules.v4, Oracle's developer blog "Enabling
# Network Traffic to Ubuntu Images in OCI") accept only SSH and end INPUT and FORWARD with a
# REJECT, so the Gateway's 80/443, Tailscale's direct UDP port, the tailnet's traffic to K3s
# and Tinkerbell, and pods' forwarded traffic were all refused. The public subnet's security
# list still admits only 80, 443 and 41641/udp from the internet.
#   host-firewall.sh [RULES_FILE]   (default /etc/iptables/rules.v4; "" to not save)
set -euo pipefail
rules="${1-/etc/iptables/rules.v4}"
iptables="${IPTABLES:-iptables}"

accept() {
  "$iptables" -C INPUT "$@" -j ACCEPT 2>/dev/null || "$iptables" -I INPUT 1 "$@" -j ACCEPT
}
accept -p tcp --dport 80
accept -p tcp --dport 443
accept -p udp --dport 41641
# The tailnet (K3s's API, Tinkerbell for booting servers) and Cilium's own interfaces.
accept -i tailscale0
accept -i cilium_host
accept -i lxc+

reject=(-j REJECT --reject-with icmp-host-prohibited)
while "$iptables" -C FORWARD "${reject[@]}" 2>/dev/null; do
  "$iptables" -D FORWARD "${reject[@]}"
done

if [ -n "$rules" ]; then
  mkdir -p "$(dirname "$rules")"
  "${iptables}-save" >"$rules"
fi
