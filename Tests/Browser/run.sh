#!/usr/bin/env bash
# The headless-browser test of the web workbench: starts `fineprint serve` on a free port with an
# empty data folder, uploads a fixture contract through the real page in headless Chromium and
# checks the report page (Tests/Browser/upload_report.py). Needs chromium and python3.
# Usage: Tests/Browser/run.sh [path/to/fineprint]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-$(swift build --show-bin-path)/fineprint}"
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$bin" serve --port "$port" --data-dir "$data" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "http://127.0.0.1:$port/health" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "browser test: the server did not start" >&2; exit 1; }
  sleep 0.3
done
python3 Tests/Browser/upload_report.py "http://127.0.0.1:$port" Tests/Fixtures/contracts/vendor-ai-terms.md
