#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a weekly exception report:
# installs the packages (as root), builds the release preset, runs
# `o2csync demo` (simulators + embedded SQLite). Usage: scripts/demo.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$PWD/o2csync-demo}"

if [ "$(id -u)" -eq 0 ]; then bash scripts/install-deps.sh; else sudo bash scripts/install-deps.sh; fi
cmake --preset release >/dev/null
cmake --build --preset release --target o2csync o2csync-sim
./build/release/daemon/o2csync demo --out "$out"
