#!/usr/bin/env bash
# Times the register at scale: generates a CycloneDX 1.6 BOM of N components (default 5,000; five
# suppliers, a chain of dependencies), imports it twice into an empty data folder, computes the
# metrics, then serves the folder and times the dashboard and the metrics API: the first answer
# (which computes the register) and the median of 20 more (which reuse it while nothing changes).
# Prints wall and CPU seconds. The figures go in docs/register.md.
#   scripts/register-speed.sh path/to/fineprint [N] [--example]
# With --example the fictional ministry's register is loaded first (and timed on its own before the BOM).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: scripts/register-speed.sh path/to/fineprint [N] [--example]}
count=${2:-5000}
example=${3:-}
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT

python3 - "$count" > "$data/bom.json" <<'PY'
import json, sys
n = int(sys.argv[1])
suppliers = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
parts = [{"type": "library", "bom-ref": f"c{i}", "name": f"part-{i}", "version": f"1.{i % 7}",
          "purl": f"pkg:generic/gen/part-{i}@1.{i % 7}",
          "supplier": {"name": f"{suppliers[i % 5]} Ltd", "address": {"country": "DE"}}} for i in range(n)]
deps = [{"ref": f"c{i}", "dependsOn": [f"c{i + 1}"] if i + 1 < n else []} for i in range(n)]
print(json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.6",
                  "metadata": {"component": {"type": "application", "bom-ref": "root", "name": "Generated"}},
                  "components": parts, "dependencies": deps}))
PY

timed() { # label, command…
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %U s user + %S s system" "$@" > /dev/null
}

cpu_ticks() { # pid: user + system clock ticks so far
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

serve_and_time() { # label
  "$bin" users add speed --role analyst --password-file "$data/password" --data-dir "$data" >/dev/null 2>&1 || true
  local token
  token=$("$bin" tokens create --user speed --name "speed-$RANDOM" --data-dir "$data" 2>/dev/null)
  "$bin" serve --port "$port" --data-dir "$data" --log-level warning &
  server=$!
  local up=""
  for _ in $(seq 1 600); do curl -fsS "$base/health" >/dev/null 2>&1 && { up=1; break; }; sleep 0.5; done
  [ -n "$up" ] || { echo "register-speed: the server did not answer /health" >&2; exit 1; }
  local before after
  # The first answer computes the register (as every answer did before the change marker); the
  # next ones reuse it until the register changes.
  before=$(cpu_ticks "$server")
  curl -fsS -o /dev/null -w "$1 /register first answer (computes): %{time_total} s wall" \
    -H "Authorization: Bearer $token" "$base/register"
  after=$(cpu_ticks "$server")
  awk -v d="$((after - before))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "; server CPU %.0f ms\n", 1000 * d / hz }'
  for route in /register /api/register/metrics; do
    curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$base$route"
    before=$(cpu_ticks "$server")
    for _ in $(seq 1 20); do
      curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$base$route"
    done | sort -n | awk -v label="$1 $route" '{ t[NR] = $1 } END { printf "%s: median %.0f ms, fastest %.0f ms (20 answers)", label, 1000 * t[int((NR + 1) / 2)], 1000 * t[1] }'
    after=$(cpu_ticks "$server")
    # The server's own CPU time per answer: what the machine's load does not change.
    awk -v d="$((after - before))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "; server CPU %.0f ms per answer\n", 1000 * d / hz / 20 }'
  done
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

head -c 24 /dev/urandom | base64 > "$data/password"
if [ "$example" = "--example" ]; then
  timed "register example" "$bin" register example --data-dir "$data"
  serve_and_time "example register"
fi
timed "import $count components" "$bin" register import "$data/bom.json" --data-dir "$data"
timed "re-import (nothing duplicated)" "$bin" register import "$data/bom.json" --data-dir "$data"
timed "metrics" "$bin" register metrics --format json --data-dir "$data"
serve_and_time "with $count imported components"
