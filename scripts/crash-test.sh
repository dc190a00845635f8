#!/usr/bin/env bash
# kill -9 of `fineprint serve` in the middle of a burst of uploads, then a restart and the client's
# retries with the same idempotency keys. Passes when every upload ends as exactly one analysis,
# acknowledged uploads keep their job, and the database is whole. Loopback only, temporary folder.
#   scripts/crash-test.sh BINARY [UPLOADS] [KILL_AFTER]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BINARY [UPLOADS] [KILL_AFTER]" >&2; exit 2; }
exec python3 "$(dirname "$0")/load/crash_test.py" "$@"
