#!/usr/bin/env bash
# Installs sushy-tools (the Redfish BMC emulator of scripts/real-stack/bmc.sh) from PyPI at the
# pinned version (versions.sh) into a virtualenv cached by version outside the repository.
# Debian's python3, with its site packages: the libvirt binding is Debian's python3-libvirt,
# built for the installed libvirt (the pip one would compile against libvirt-dev).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/real-stack/versions.sh
. "$here/versions.sh"
cache="${REAL_STACK_CACHE:-$HOME/.cache/metal-foundry/real-stack}"
venv="$cache/sushy-tools-$REAL_STACK_SUSHY_TOOLS"
[ -e "$venv/.complete" ] && exit 0
# A virtualenv names its own path in its scripts, so it is made in place; .complete marks it done.
rm -rf "$venv"
/usr/bin/python3 -m venv --system-site-packages "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "sushy-tools==$REAL_STACK_SUSHY_TOOLS"
"$venv/bin/python" -c 'import libvirt, sushy_tools' # the binding is seen, the emulator imports
touch "$venv/.complete"
echo "real-stack: sushy-tools $REAL_STACK_SUSHY_TOOLS installed in $venv"
