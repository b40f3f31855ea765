#!/usr/bin/env bash
# Installs the npm packages at the lockfile's versions. `npm install` rather than `npm ci`: the
# registry mirror reachable here lacks other platforms' optional binaries (e.g. tailwind's oxide
# for darwin), which the lockfile cannot record, and `npm ci` refuses such a lockfile.
# better-sqlite3 compiles against Node's own headers.
npm_install_project() {
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
    export npm_config_nodedir=/usr
  fi
  npm install --no-audit --no-fund
}
