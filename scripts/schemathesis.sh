#!/usr/bin/env bash
# Checks the running server against its own OpenAPI document with schemathesis (from PyPI): starts
# `fineprint serve` on a free loopback port with an empty temporary data folder, seeds it with two
# analyses (so the id routes have something to find) through an analyst's API token, which every
# schemathesis request sends, runs a bounded schemathesis run against
# /api/openapi.json, stops the server and exits non-zero on any failure (a 5xx, a status or body the
# document does not describe, a server that died).
#   scripts/schemathesis.sh BINARY [MAX_EXAMPLES]     (default 30 examples per operation)
# Needs python3 with schemathesis (`pip install schemathesis`).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: scripts/schemathesis.sh path/to/fineprint [max-examples]}
examples=${2:-30}
command -v schemathesis >/dev/null || { echo "schemathesis: not installed (pip install schemathesis)" >&2; exit 1; }

data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
head -c 24 /dev/urandom | base64 > "$data/password"
"$bin" users add schemathesis --role analyst --password-file "$data/password" --data-dir "$data" 2>/dev/null
token=$("$bin" tokens create --user schemathesis --name schemathesis --data-dir "$data" 2>/dev/null)
auth="Authorization: Bearer $token"
# The fictional ministry's register, so the register routes have systems, components and suppliers to find.
"$bin" register example --data-dir "$data" >/dev/null
"$bin" serve --port "$port" --data-dir "$data" --log-level warning &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 200); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "schemathesis: the server did not start" >&2; exit 1; }
  sleep 0.3
done
# Uploads go into a matter: make one, then put two analyses in it.
matter=$(curl -fsS -H "$auth" -H "Content-Type: application/json" -d '{"name": "Schemathesis", "kind": "tender"}' \
  "$base/api/matters" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for name in vendor-ai-terms.md ministry-platform-agreement.html; do
  curl -fsS -o /dev/null -H "$auth" -F "file=@Tests/Fixtures/contracts/$name" -F profile=tier1 -F "matter=$matter" \
    "$base/api/analyses"
done

# The upload is run on its own with the server-error check only: whether a file is accepted depends
# on its content (a PNG fits the schema and is refused with 415), which no schema can say.
status=0
schemathesis run "$base/api/openapi.json" \
  --url "$base" \
  --header "$auth" \
  --checks not_a_server_error \
  --max-examples "$examples" \
  --include-operation-id createAnalysis \
  --no-color || status=$?
schemathesis run "$base/api/openapi.json" \
  --url "$base" \
  --header "$auth" \
  --checks all \
  --max-examples "$examples" \
  --exclude-operation-id createAnalysis \
  --no-color || status=$?
if ! kill -0 "$server" 2>/dev/null; then
  echo "schemathesis: the server died during the run" >&2
  exit 1
fi
exit "$status"
