#!/usr/bin/env bash
# Checks the deployment examples in deploy/ (docs/deploy.md, "What the check script checks"):
#   1. systemd-analyze verify on the units, 2. nginx -t on the site file, 3. a loopback run of the
#   server with the unit's options, the backup service's command while it runs, and a restore.
# Usage: scripts/check-deploy.sh   (FINEPRINT=path/to/fineprint to test another build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fineprint=${FINEPRINT:-$root/.build/debug/fineprint}
contract=${CONTRACT:-$root/Tests/Fixtures/contracts/vendor-ai-terms.md}
work=$(mktemp -d "${TMPDIR:-/tmp}/fineprint-check-deploy.XXXXXX")
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
pass() { echo "ok   - $1"; }
skip() { echo "skip - $1"; }
fail() { echo "FAIL - $1" >&2; failures=$((failures + 1)); }

[ -x "$fineprint" ] || { echo "check-deploy: no fineprint binary at $fineprint (swift build first)" >&2; exit 2; }
[ -f "$contract" ] || { echo "check-deploy: no test contract at $contract" >&2; exit 2; }

# The value of the unit's ExecStart= line, with the binary's and folders' paths moved.
exec_start() {
  sed -n 's/^ExecStart=//p' "$1" | sed -e "s#/usr/local/bin/fineprint#$fineprint#g" \
    -e "s#/var/lib/fineprint#$work/data#g" -e "s#/var/backups/fineprint#$work/backups#g"
}

# 1. The systemd units.
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$work/units"
  for unit in fineprint.service fineprint-backup.service fineprint-backup.timer; do
    sed -e "s#/usr/local/bin/fineprint#$fineprint#g" "$root/deploy/$unit" >"$work/units/$unit"
  done
  if out=$(cd "$work/units" && systemd-analyze verify --man=no ./fineprint.service ./fineprint-backup.service ./fineprint-backup.timer 2>&1) &&
    ! grep -Eiq "unknown|invalid|failed|not executable|bad" <<<"$out"; then
    pass "systemd-analyze verify: fineprint.service, fineprint-backup.service, fineprint-backup.timer"
  else
    fail "systemd-analyze verify:"$'\n'"$out"
  fi
else
  skip "systemd-analyze is not installed"
fi

# 2. The nginx site, inside a minimal main configuration, with a throwaway certificate.
nginx_bin=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
if [ -n "$nginx_bin" ] && command -v openssl >/dev/null; then
  mkdir -p "$work/nginx"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=fineprint.example.gov" \
    -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" 2>/dev/null
  sed -e "s#/etc/ssl/certs/fineprint.example.gov.pem#$work/nginx/cert.pem#" \
    -e "s#/etc/ssl/private/fineprint.example.gov.key#$work/nginx/key.pem#" \
    "$root/deploy/nginx-fineprint.conf" >"$work/nginx/site.conf"
  cat >"$work/nginx/nginx.conf" <<CONF
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    include $work/nginx/site.conf;
}
CONF
  if out=$("$nginx_bin" -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>&1); then
    pass "nginx -t: deploy/nginx-fineprint.conf"
  else
    fail "nginx -t:"$'\n'"$out"
  fi
else
  skip "nginx (or openssl) is not installed"
fi

# 3. The server with the unit's options on loopback, a backup while it runs, a restore.
mkdir -p "$work/data" "$work/backups"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
read -r -a serve <<<"$(exec_start "$root/deploy/fineprint.service")"
serve=("${serve[@]/#8080/$port}")
if "$fineprint" serve --help | grep -q -- "--public-url"; then serve+=(--public-url "http://127.0.0.1:$port"); fi
serve+=(--rules-only)
"${serve[@]}" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
if ! curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  fail "the server did not start with the unit's options:"$'\n'"$(tail -5 "$work/serve.log")"
  exit 1
fi
pass "fineprint serve runs with the unit's options (${serve[*]:1})"

status=$(curl -s -o "$work/upload.json" -w '%{http_code}' -F "file=@$contract" -F profile=tier1 \
  "http://127.0.0.1:$port/api/analyses")
job=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get("id",""))' "$work/upload.json" 2>/dev/null || true)
if [ "$status" = 202 ] || [ "$status" = 201 ]; then pass "upload answered $status"; else fail "upload answered $status"; fi
# Wait for the queued analysis to finish.
for _ in $(seq 1 120); do
  count=$(curl -fsS "http://127.0.0.1:$port/api/analyses" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  [ "$count" -ge 1 ] && break
  sleep 0.5
done
cache=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$port/api/analyses" | tr -d '\r' | sed -n 's/^[Cc]ache-[Cc]ontrol: //p')
if [ "$cache" = "no-store" ]; then pass "the API answers with Cache-Control: no-store"; else fail "Cache-Control is '$cache'"; fi

# The backup service's command, as systemd would run it (%% is systemd's escape for %).
backup_command=$(exec_start "$root/deploy/fineprint-backup.service" | sed -e "s/^\/bin\/sh -c '//" -e "s/'$//" -e 's/%%/%/g')
if sh -c "$backup_command" >"$work/backup.log" 2>&1; then
  pass "the backup timer's command ran while the server was serving"
else
  fail "the backup command failed:"$'\n'"$(cat "$work/backup.log")"
fi
backup=$(ls "$work"/backups/fineprint-*.sqlite 2>/dev/null | head -1 || true)
if [ -n "$backup" ] && "$fineprint" restore "$backup" --data-dir "$work/restored" >"$work/restore.log" 2>&1; then
  pass "restore of $(basename "$backup") into a new folder: $(tail -1 "$work/restore.log")"
else
  fail "restore failed:"$'\n'"$(cat "$work/restore.log" 2>/dev/null)"
fi
if "$fineprint" audit verify --data-dir "$work/restored" >/dev/null && "$fineprint" audit verify --data-dir "$work/data" >/dev/null; then
  pass "fineprint audit verify passes on the served and the restored database"
else
  fail "audit verify failed"
fi
restored=$("$fineprint" audit list --data-dir "$work/restored" --action upload --format csv | tail -n +2 | wc -l)
if [ "$restored" -ge 1 ]; then pass "the restored audit log has the upload"; else fail "the restored audit log lacks the upload (job $job)"; fi

if [ "$failures" -gt 0 ]; then
  echo "check-deploy: $failures check(s) failed" >&2
  exit 1
fi
echo "check-deploy: all checks passed"
