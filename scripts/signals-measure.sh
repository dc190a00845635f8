#!/usr/bin/env bash
# Measures the signals relevance scoring against our own decisions on the fixture feeds
# (Tests/Fixtures/signals/decisions.tsv): imports each feed into a fresh data folder through
# `fineprint signals import`, records each decision with `signals accept|reject`, then prints
# `signals measure`. Usage: scripts/signals-measure.sh [path/to/fineprint]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
fineprint="${1:-$root/.build/debug/fineprint}"
fixtures="$root/Tests/Fixtures/signals"
data="$(mktemp -d "${TMPDIR:-/tmp}/fineprint-signals-measure.XXXXXX")"
trap 'rm -rf "$data"' EXIT
export USER="${USER:-measure}"
cut -f1,2 "$fixtures/decisions.tsv" | grep -v '^#' | sort -u | while IFS=$'\t' read -r file source; do
    "$fineprint" signals import "$fixtures/$file" --source "$source" --data-dir "$data" --corpus "$root/corpus" >/dev/null
done
grep -v '^#' "$fixtures/decisions.tsv" | while IFS=$'\t' read -r file source native decision reason; do
    id="sig-$(printf '%s\x1f%s' "$source" "$native" | sha256sum | cut -c1-16)"
    "$fineprint" signals "$decision" "$id" --reason "$reason" --data-dir "$data" --corpus "$root/corpus" >/dev/null
done
"$fineprint" signals measure --data-dir "$data" --corpus "$root/corpus"
