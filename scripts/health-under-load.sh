#!/usr/bin/env bash
# /health latency (p50, p99) of `fineprint serve` while UPLOADS copies of the long fixture contract
# are analysed. Loopback only, temporary folder.
#   scripts/health-under-load.sh BINARY [UPLOADS]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BINARY [UPLOADS]" >&2; exit 2; }
exec python3 "$(dirname "$0")/load/health_under_load.py" "$@"
