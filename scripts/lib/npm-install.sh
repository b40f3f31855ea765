#!/usr/bin/env bash
# Installs the npm packages from the lockfile. better-sqlite3 compiles against Node's own headers.
npm_install_project() {
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
    export npm_config_nodedir=/usr
  fi
  npm ci --no-audit --no-fund
}
