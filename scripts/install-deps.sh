#!/usr/bin/env bash
# Installs every Debian 12 package o2csync needs to build, test, run the demo
# and the benchmarks. Idempotent; run as root. The one place that lists them.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps.sh: run as root (it calls apt-get)" >&2
  exit 1
fi

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # libraries (see README, "Dependencies"); only the Boost components in use
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libcurl4-openssl-dev libssl-dev zlib1g-dev
  libsoci-dev libsqlite3-dev libpq-dev unixodbc-dev
  # the SQL source over ODBC: the PostgreSQL ODBC driver the tests and `demo --erp ebs` use
  odbc-postgresql
  libsimdjson-dev libyaml-cpp-dev libpugixml-dev
  libcli11-dev libspdlog-dev libfmt-dev libhowardhinnant-date-dev tzdata
  # einvoice/: the invoice PDF (libharu)
  libhpdf-dev
  # tests and benchmarks: a real PostgreSQL server for the store and integration tests
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql
  # tests: the official EN 16931 Schematron validator (shared/validation) runs on Node.js
  nodejs npm
)

missing=()
for p in "${packages[@]}"; do
  # A Node.js from elsewhere counts: NodeSource's nodejs bundles npm and
  # conflicts with Debian's npm package, so asking apt for npm would fail.
  case "$p" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps.sh: all ${#packages[@]} packages already installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The Debian postgresql package starts a cluster on 5432; o2csync's tests run
# their own server in a temp dir and do not need it.
echo "install-deps.sh: installed ${#missing[@]} packages"
