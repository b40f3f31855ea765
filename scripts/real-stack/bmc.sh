#!/usr/bin/env bash
# A real Redfish BMC on loopback for the real stack: sushy-emulator (sushy-tools from PyPI) in
# front of a private libvirt driving one small QEMU VM. Installs nothing: scripts/test.sh installs
# the Debian packages and scripts/real-stack/sushy-tools.sh the emulator.
#   bash scripts/real-stack/bmc.sh start DIR   # the port is BMC in DIR/ports.env; writes DIR/bmc/env
#   bash scripts/real-stack/bmc.sh stop DIR
# libvirtd runs unprivileged (root hands it to nobody) in session mode, every folder of it under
# DIR/bmc: the host's libvirt is not touched and two stacks never share a daemon, a VM or a
# storage pool. So QEMU cannot open /dev/kvm (root's only here) and the VM runs under TCG, quick
# enough for a machine with no disk. sushy-emulator speaks HTTPS (bmclib's Redfish provider knows no other
# scheme) with HTTP basic auth from an htpasswd made per start (it has no SessionService, so a
# Machine needs providerOptions.redfish.useBasicAuth).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
command="${1:-}" dir="${2:-}"
case "$command" in start | stop) ;; *) dir="" ;; esac
if [ -z "$dir" ]; then
  echo "usage: $0 start DIR | $0 stop DIR" >&2
  exit 2
fi
dir="$(cd "$dir" && pwd)"
bmc="$dir/bmc"
domain=foundry-bmc
socket="$bmc/run/libvirt/libvirt-sock"
virsh_() { virsh -q -c "qemu+unix:///session?socket=$socket" "$@"; }
# A PID file may be stale (a reboot): only a process that names this stack's folder is ours.
ours() { grep -qsF "$dir/" "/proc/$1/cmdline" || grep -qsF "$dir/" "/proc/$1/environ"; }
stop_pid() { # PIDFILE: ends that process group, if it is ours
  local pid
  [ -s "$1" ] || return 0
  pid="$(cat "$1")"
  if kill -0 "$pid" 2>/dev/null && ours "$pid"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    echo "real-stack: stopped $(basename "$1" .pid) ($pid)"
  fi
  rm -f "$1"
}

stop() {
  stop_pid "$dir/pids/sushy-emulator.pid"
  # QEMU runs in a session of its own: libvirt ends it, or its PID file names it.
  if [ -S "$socket" ]; then virsh_ destroy "$domain" >/dev/null 2>&1 || true; fi
  stop_pid "$bmc/run/libvirt/qemu/run/$domain.pid"
  stop_pid "$dir/pids/libvirtd.pid"
}
if [ "$command" = stop ]; then
  stop
  exit 0
fi

# shellcheck source=scripts/real-stack/versions.sh
. "$here/versions.sh"
cache="${REAL_STACK_CACHE:-$HOME/.cache/metal-foundry/real-stack}"
sushy="$cache/sushy-tools-$REAL_STACK_SUSHY_TOOLS"
for need in libvirtd virsh qemu-system-x86_64 setpriv openssl; do
  command -v "$need" >/dev/null || {
    echo "real-stack bmc: $need is missing (scripts/test.sh installs it)" >&2
    exit 1
  }
done
[ -e "$sushy/.complete" ] || {
  echo "real-stack bmc: sushy-tools $REAL_STACK_SUSHY_TOOLS is missing: bash $here/sushy-tools.sh" >&2
  exit 1
}
# shellcheck disable=SC1091 # written by scripts/real-stack.sh
. "$dir/ports.env"
: "${BMC:?no BMC port in $dir/ports.env}"

stop
rm -rf "$bmc"
mkdir -p "$bmc"/{config/libvirt,run,cache,data,home,pool,tmp} "$dir/logs" "$dir/pids"
# Root hands the daemon to nobody; anyone else runs it as themselves.
as_nobody=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody:nogroup "$bmc"
  as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
"${as_nobody[@]}" test -w "$bmc" || {
  echo "real-stack bmc: nobody cannot write $bmc (a parent folder closed to others?)" >&2
  exit 1
}
# QEMU's output to a file, not to virtlogd (which would outlive the stack by two minutes).
echo 'stdio_handler = "file"' >"$bmc/config/libvirt/qemu.conf"
: >"$bmc/config/libvirt/libvirtd.conf"
[ "${#as_nobody[@]}" -eq 0 ] || chown nobody:nogroup "$bmc/config/libvirt/"*.conf
# PATH names one emulator: libvirtd probes every qemu-system-* it finds (seconds each) at start.
mkdir -p "$bmc/bin" && ln -s "$(command -v qemu-system-x86_64)" "$bmc/bin/"
setsid "${as_nobody[@]}" env -i PATH="$bmc/bin:/usr/sbin:/sbin" HOME="$bmc/home" \
  XDG_CONFIG_HOME="$bmc/config" XDG_RUNTIME_DIR="$bmc/run" XDG_CACHE_HOME="$bmc/cache" \
  XDG_DATA_HOME="$bmc/data" libvirtd --config "$bmc/config/libvirt/libvirtd.conf" \
  >>"$dir/logs/libvirtd.log" 2>&1 </dev/null &
echo $! >"$dir/pids/libvirtd.pid"
for _ in $(seq 100); do virsh_ version >/dev/null 2>&1 && break; sleep 0.1; done
virsh_ version >/dev/null || {
  echo "real-stack bmc: libvirtd did not answer on $socket; its log:" >&2
  tail -n 20 "$dir/logs/libvirtd.log" >&2
  stop
  exit 1
}

# Virtual media land in this pool: sushy uploads the image it downloaded as a volume.
virsh_ pool-define-as default dir --target "$bmc/pool" >/dev/null
virsh_ pool-start default >/dev/null
# A small server: no disk, an empty CD-ROM drive for virtual media, one NIC (PXE ROM of QEMU's
# iPXE), the first serial port to a file so a test can read what a booted medium printed.
cat >"$bmc/domain.xml" <<EOF
<domain type='qemu'>
  <name>$domain</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <emulator>$(command -v qemu-system-x86_64)</emulator>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/><target dev='hdc' bus='ide'/><readonly/>
    </disk>
    <interface type='user'><mac address='52:54:00:b3:c0:01'/><model type='e1000'/></interface>
    <serial type='file'><source path='$bmc/serial.log'/><target port='0'/></serial>
    <memballoon model='none'/>
  </devices>
</domain>
EOF
virsh_ define "$bmc/domain.xml" >/dev/null

# Credentials and a certificate of this start only.
username="admin"
password="$(openssl rand -hex 16)"
"$sushy/bin/python" -c 'import bcrypt, sys
print(sys.argv[1] + ":" + bcrypt.hashpw(sys.argv[2].encode(), bcrypt.gensalt()).decode())' \
  "$username" "$password" >"$bmc/htpasswd"
openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$bmc/tls.key" -out "$bmc/tls.crt" 2>/dev/null
# No newline: they become the Secret's values as they are.
printf '%s' "$username" >"$bmc/username"
printf '%s' "$password" >"$bmc/password"
chmod 600 "$bmc/htpasswd" "$bmc/tls.key" "$bmc/username" "$bmc/password"
cat >"$bmc/sushy.conf" <<EOF
SUSHY_EMULATOR_LISTEN_IP = '127.0.0.1'
SUSHY_EMULATOR_LISTEN_PORT = $BMC
SUSHY_EMULATOR_SSL_CERT = '$bmc/tls.crt'
SUSHY_EMULATOR_SSL_KEY = '$bmc/tls.key'
SUSHY_EMULATOR_AUTH_FILE = '$bmc/htpasswd'
SUSHY_EMULATOR_LIBVIRT_URI = 'qemu+unix:///session?socket=$socket'
SUSHY_EMULATOR_STORAGE_POOL = 'default'
EOF
# TMPDIR: the media it downloads stay in the stack's folder.
setsid env TMPDIR="$bmc/tmp" NO_PROXY=127.0.0.1,localhost "$sushy/bin/sushy-emulator" \
  --config "$bmc/sushy.conf" >>"$dir/logs/sushy-emulator.log" 2>&1 </dev/null &
echo $! >"$dir/pids/sushy-emulator.pid"
answers() { # 401 without credentials: up, and asking for them
  NODE_TLS_REJECT_UNAUTHORIZED=0 node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status === 401 ? 0 : 1), () => process.exit(1))' \
    "https://127.0.0.1:$BMC/redfish/v1/Systems" 2>/dev/null
}
for _ in $(seq 100); do answers && break; sleep 0.1; done
answers || {
  echo "real-stack bmc: sushy-emulator did not answer on 127.0.0.1:$BMC; its log:" >&2
  tail -n 20 "$dir/logs/sushy-emulator.log" >&2
  stop
  exit 1
}

cat >"$bmc/env" <<EOF
REAL_STACK_BMC_ADDRESS=127.0.0.1
REAL_STACK_BMC_PORT=$BMC
REAL_STACK_BMC_SYSTEM=$domain
REAL_STACK_BMC_LIBVIRT_SOCKET=$socket
REAL_STACK_BMC_SERIAL_LOG=$bmc/serial.log
EOF
