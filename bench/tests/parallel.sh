#!/usr/bin/env bash
# Wall time of the whole test suite in one process (-n 0) and in two workers (-n 2, pytest-xdist), run one after
# the other on the same machine; prints both and their ratio. Usage: bash bench/tests/parallel.sh [workers]
set -euo pipefail
cd "$(dirname "$0")/../.."
workers="${1:-2}"
run() {
  local start end
  start=$(date +%s.%N)
  python3 -m pytest -q -p no:cacheprovider -n "$1" >"/tmp/ecoredress-bench-n$1.log" 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
  tail -1 "/tmp/ecoredress-bench-n$1.log" >&2
}
serial=$(run 0)
parallel=$(run "$workers")
printf -- "-n 0: %.0f s\n-n %s: %.0f s\nratio: %.2f\n" "$serial" "$workers" "$parallel" "$(echo "$parallel / $serial" | bc -l)"
