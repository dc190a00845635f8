#!/usr/bin/env bash
# The first-run proxy (docs/evaluation.md, eighth and tenth sessions): each dev set that was run once before
# the rules round written on it is scored again with the corpus of that moment, so the figure estimates how
# the rules read pages they were not written on, without touching the held-out sets. The binary is today's:
# code changes count, rule changes made after each set's first run do not.
#
#   scripts/first-run-proxy.sh BINARY UNSEEN_DATA [OUT_DIR] [extra eval labels options…]
#
# UNSEEN_DATA is the folder scripts/fetch-unseen-vendor-terms.sh fills. Prints each set's line and the pooled
# micro figures (python3 sums the JSON reports).
set -euo pipefail
binary=${1:?usage: first-run-proxy.sh BINARY UNSEEN_DATA [OUT_DIR] [options…]}
data=${2:?usage: first-run-proxy.sh BINARY UNSEEN_DATA [OUT_DIR] [options…]}
out=${3:-$(mktemp -d)}
shift $(($# < 3 ? $# : 3))
cd "$(dirname "$0")/.."
# set:commit whose corpus is the one each set was first run with (the commit that committed its labels).
firsts=(16:4a483a3ba8 18:1d60233d58 20:054c136095 22:d55bc865a7 24:d85389ea6e)
mkdir -p "$out"
for entry in "${firsts[@]}"; do
  set_id=${entry%%:*}
  commit=${entry#*:}
  corpus=$out/corpus-$set_id
  rm -rf "$corpus" && mkdir -p "$corpus"
  git archive "$commit" corpus | tar -x -C "$corpus"
  "$binary" eval labels --data "$data" --labels eval/labels/unseen-vendors --split dev --set "$set_id" \
    --corpus "$corpus/corpus" --json "$out/first-$set_id.json" "$@" >/dev/null
done
python3 - "$out" <<'PY'
import json, sys
tp = fp = fn = 0
for s in ("16", "18", "20", "22", "24"):
    provisions = json.load(open(f"{sys.argv[1]}/first-{s}.json"))["provisions"]
    t, f, n = (sum(p[k] for p in provisions) for k in ("truePositives", "falsePositives", "falseNegatives"))
    tp, fp, fn = tp + t, fp + f, fn + n
    print(f"set {s}: TP/FP/FN {t}/{f}/{n}, micro F1 {2 * t / (2 * t + f + n):.3f}")
p, r = tp / (tp + fp), tp / (tp + fn)
print(f"pooled: {tp}/{fp}/{fn}, micro P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r):.3f}")
PY
