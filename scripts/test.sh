#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite:
# installs the packages (as root), builds the dev preset (tests included) and
# runs ctest: unit tests, and integration tests against o2csync-sim and a
# real PostgreSQL server that the tests start themselves.
# Usage: scripts/test.sh [PRESET]   (dev by default; asan for the sanitizers)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"

if [ "$(id -u)" -eq 0 ]; then bash scripts/install-deps.sh; else sudo bash scripts/install-deps.sh; fi
cmake --preset "$preset"
cmake --build --preset "$preset"
ctest --preset "$preset"
