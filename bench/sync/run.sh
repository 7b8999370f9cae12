#!/usr/bin/env bash
# bench/sync/run.sh — the end-to-end sync benchmark of issue #3: 200,000
# Salesforce orders (+ ~240,000 NetSuite invoices, credit memos and payments,
# 50,000 accounts and customers) from o2csync-sim into SQLite through the real
# connectors, mapping and store (`o2csync demo`, release build).
#   1. no latency: records/s end to end, API calls vs pages, peak RSS
#   2. --latency-ms 150: each stream's time vs the minimum its page count and
#      its concurrency allow: ceil(pages / concurrency) x 150 ms
#      (Salesforce pages follow nextRecordsUrl one after another: concurrency 1;
#      NetSuite: max_concurrency 4 of the demo config)
# Usage: bench/sync/run.sh [ORDERS]     Results: bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/../.."
orders="${1:-200000}"
bin=build/release/daemon/o2csync
[ -x "$bin" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 2; }
work=$(mktemp -d /tmp/o2c-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

run() {  # name, extra demo args...
  local name=$1; shift
  "$bin" demo --out "$work/$name" --orders "$orders" "$@" >"$work/$name.out" 2>&1 || {
    cat "$work/$name.out"; echo "demo failed" >&2; exit 1; }
  echo "== $name ($orders orders${*:+, $*})"
  sed -n '/^stream/,/^peak RSS/p' "$work/$name.out"
  grep -E "^every exception|^some exceptions" "$work/$name.out"
}

run plain
awk '/^salesforce\./ { sf_calls += $5; sf_pages += $2 }
     /^netsuite\./   { ns_calls += $5; ns_pages += $2 }
     END { printf "API calls: Salesforce %d = %d pages + %d token; NetSuite %d = %d pages (TBA signs each request)\n",
                  sf_calls, sf_pages, sf_calls - sf_pages, ns_calls, ns_pages }' "$work/plain.out"

run latency150 --latency-ms 150
awk -v lat=0.150 '
  /^salesforce\.orders|^netsuite\.invoices/ {
    conc = ($1 ~ /^netsuite/) ? 4 : 1
    min = int(($2 + conc - 1) / conc) * lat
    printf "%s with 150 ms latency: %d pages, %.2f s, minimum %.2f s (concurrency %d), ratio %.3f\n", $1, $2, $6, min, conc, $6 / min }
' "$work/latency150.out"
