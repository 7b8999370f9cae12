#!/usr/bin/env bash
# bench/sync/erp.sh — the end-to-end sync benchmark of issue #5, per ERP:
# `o2csync demo --erp E --orders N` (release build, SQLite store, no latency)
# for each ERP named, RUNS times each: records/s of the whole sync (Salesforce
# + the ERP), the ERP streams' own records/s, API calls, peak RSS of o2csync,
# and whether every exception matched the answer key.
# Usage: bench/sync/erp.sh [ORDERS] [ERP...]   (default 200000, sap oracle ebs)
#        RUNS=3 by default.                    Results: bench/RESULTS.md
# ~412,000 orders make 1,000,000 records in the sync (orders, accounts,
# customers, invoices, credit memos, payments).
set -euo pipefail
cd "$(dirname "$0")/../.."
orders="${1:-200000}"
shift || true
erps=("$@")
[ ${#erps[@]} -gt 0 ] || erps=(sap oracle ebs)
runs="${RUNS:-3}"
bin=build/release/daemon/o2csync
[ -x "$bin" ] || { echo "build first: cmake --preset release && cmake --build --preset release" >&2; exit 2; }
work=$(mktemp -d /tmp/o2c-bench-erp-XXXXXX)
trap 'rm -rf "$work"' EXIT

for erp in "${erps[@]}"; do
  for run in $(seq 1 "$runs"); do
    out="$work/$erp-$run"
    "$bin" demo --erp "$erp" --out "$out" --orders "$orders" >"$out.txt" 2>&1 || {
      cat "$out.txt"; echo "demo --erp $erp failed" >&2; exit 1; }
    awk -v erp="$erp" -v run="$run" -v orders="$orders" '
      $1 ~ "^" erp "\\." { erp_records += $3; erp_seconds = ($6 > erp_seconds ? $6 : erp_seconds); erp_calls += $5; erp_pages += $2 }
      /^total/           { total = $3; seconds = $6; rate = $7 }
      /^peak RSS/        { rss = $5 }
      /^every exception matches/ { ok = "matched" }
      END { printf "%-7s run %d (%d orders): %d records in %.2f s = %d records/s; %s streams %d records, %d pages, %d API calls, slowest %.2f s; peak RSS %d MB; answer key %s\n",
                   erp, run, orders, total, seconds, rate, erp, erp_records, erp_pages, erp_calls, erp_seconds, rss, ok ? ok : "NOT matched" }
    ' "$out.txt"
    rm -rf "$out"
  done
done
