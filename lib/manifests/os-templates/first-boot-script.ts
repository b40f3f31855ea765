/*
 * Runs once, at the installed server's first boot (cloud-init runcmd). It trades the one-time
 * enrollment token that the workflow left on disk for this server's own short-lived Tailscale
 * key and K3s join token, joins the tailnet and the cluster, and destroys the token.
 */
export const firstBootScript = [
  "#!/bin/sh",
  "set -eu",
  ". /etc/foundry/enrollment.env",
  "token_file=/etc/foundry/enrollment-token",
  'test -s "$token_file" || { echo "foundry: no enrollment token; ask the console to reprovision" >&2; exit 1; }',
  "umask 077",
  "curl -fsS --retry 20 --retry-all-errors --max-time 30 -X POST \\",
  '  -H "Authorization: Bearer $(cat "$token_file")" \\',
  '  "$FOUNDRY_URL/api/enroll/$FOUNDRY_SERVER" > /run/foundry-credentials.json',
  'shred -u "$token_file"',
  'field() { python3 -c \'import json,sys; print(json.load(open("/run/foundry-credentials.json"))[sys.argv[1]])\' "$1"; }',
  "curl -fsSL https://tailscale.com/install.sh | sh",
  // tailscale reads the key from a file: an argument would show in ps while it runs.
  "field tailscaleAuthKey > /run/foundry-tailscale-auth-key",
  'tailscale up --auth-key=file:/run/foundry-tailscale-auth-key --hostname="$FOUNDRY_HOSTNAME"',
  "shred -u /run/foundry-tailscale-auth-key",
  'curl -sfL https://get.k3s.io | INSTALL_K3S_VERSION="$(field k3sVersion)" \\',
  '  K3S_URL="$(field k3sUrl)" K3S_TOKEN="$(field k3sToken)" \\',
  '  INSTALL_K3S_EXEC="agent --node-ip=$(tailscale ip -4) --flannel-iface=tailscale0" sh -',
  "shred -u /run/foundry-credentials.json",
  "",
].join("\n");
