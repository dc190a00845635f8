#!/usr/bin/env bash
# Fuzzes the upload form reader and every ingestor for about SECONDS (default 600): runs the fuzz
# tests again and again with a raised iteration count (each run draws new random inputs) until the
# time is spent, then prints how many inputs were tried. Build first: swift build --build-tests.
# Usage: scripts/fuzz.sh [SECONDS] [ITERATIONS_PER_TEST]
set -euo pipefail
budget=${1:-600}
per_test=${2:-2000}
cd "$(dirname "$0")/.."
filter='IngestFuzzTests|MultipartTests/(fuzz|encoded)'
# Inputs one run tries for FINEPRINT_FUZZ_ITERATIONS=N (see the counts in the fuzz tests): three
# text formats, sniffing, DOCX archives and XML at N each, PDF files and pdftotext output at N/5,
# the form reader at 10N, encoded forms at N, and forms through the app at N/3.
per_run=$((6 * per_test + 2 * (per_test / 5) + 10 * per_test + per_test + per_test / 3))
start=$(date +%s)
runs=0
while (($(date +%s) - start < budget)); do
    log=$(mktemp)
    if ! FINEPRINT_FUZZ_ITERATIONS=$per_test swift test --skip-build --filter "$filter" >"$log" 2>&1; then
        grep -E "✘|recorded an issue|Fatal error|Failure occured|fixedSeed" "$log" | head -40
        echo "fuzz: FAILED in run $((runs + 1)); full log in $log" >&2
        exit 1
    fi
    rm -f "$log"
    runs=$((runs + 1))
    echo "fuzz: run $runs passed ($((runs * per_run)) inputs, $(($(date +%s) - start)) s)"
done
echo "fuzz: $runs runs, $((runs * per_run)) inputs, $(($(date +%s) - start)) s, no crash, no failure"
