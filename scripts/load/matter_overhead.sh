#!/usr/bin/env bash
# Requests per second with sessions and tokens on, and what signing in and the matter scope cost per
# request: starts `fineprint serve --rules-only` on loopback with one analyst who owns one matter
# holding one analysis, then measures (scripts/load/auth_overhead.py) an open route, an
# authenticated route that reads no contract data, and the scoped list and lookup of analyses,
# each by bearer token and by session cookie, and the login time.
# Usage: scripts/load/matter_overhead.sh path/to/fineprint [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$1"
seconds="${2:-6}"
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
password="load test password $(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$password" > "$data/password"
"$bin" users add perf --role analyst --password-file "$data/password" --data-dir "$data" 2>/dev/null
token="$("$bin" tokens create --user perf --data-dir "$data" 2>/dev/null | tail -1)"
matter="$("$bin" matters create "Load test" --kind tender --owner perf --data-dir "$data" 2>/dev/null)"
"$bin" serve --rules-only --port "$port" --data-dir "$data" --public-url "$base" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 200); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$base/health" 2>/dev/null && break
  sleep 0.3
done
job="$(curl -sf -H "Authorization: Bearer $token" -F "matter=$matter" -F "profile=tier1" \
  -F "file=@Tests/Fixtures/contracts/vendor-ai-terms.md" "$base/api/analyses" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
# The server queues uploads: wait for the job, then take its analysis.
for _ in $(seq 1 300); do
  analysis="$(curl -sf -H "Authorization: Bearer $token" "$base/api/jobs/$job" |
    python3 -c 'import json,sys; a=json.load(sys.stdin)["analyses"]; print(a[0]["id"] if a else "")')"
  [ -n "$analysis" ] && break
  sleep 1
done
cookie="$(python3 - "$base" perf "$password" <<'PY'
import http.client, re, sys, urllib.parse
base, name, password = sys.argv[1:]
url = urllib.parse.urlsplit(base)
c = http.client.HTTPConnection(url.hostname, url.port)
c.request("GET", "/login"); page = c.getresponse(); body = page.read().decode()
login = re.search(r"fineprint_login=([^;]+)", page.getheader("Set-Cookie")).group(1)
csrf = re.search(r'name="csrf" value="([^"]+)"', body).group(1)
c.request("POST", "/login", body=urllib.parse.urlencode({"name": name, "password": password, "csrf": csrf, "next": "/"}),
          headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": "fineprint_login=" + login})
answer = c.getresponse(); answer.read()
print(re.search(r"fineprint_session=([^;]+)", answer.getheader("Set-Cookie")).group(1))
PY
)"
load() { python3 scripts/load/auth_overhead.py "$base" "$@" --seconds "$seconds"; }
load /health
for path in /api/profiles /api/analyses "/api/analyses/$analysis"; do
  load "$path" --token "$token"
  load "$path" --cookie "$cookie"
done
python3 scripts/load/auth_overhead.py "$base" --login perf "$password" --times 5
