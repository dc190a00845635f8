#!/usr/bin/env bash
# The headless-browser test of the web workbench: starts `fineprint serve` on a free port with an
# empty data folder and one analyst (made with `users add --password-file`), signs in through the
# login form in headless Chromium, creates a matter, uploads a fixture contract to it through the real page, checks the
# report page, signs out and checks the report is no longer reachable
# (Tests/Browser/upload_report.py); then walks the dependency register's pages over the fictional
# ministry's register (Tests/Browser/register_pages.py); then signs in again and reviews that report
# (Tests/Browser/review_report.py); then opens the signals queue over an imported fixture feed and promotes a
# signal through its page's forms (Tests/Browser/signals_promote.py). The scripts share the Chromium driver in
# Tests/Browser/chromium.py. Needs chromium and python3.
# Usage: Tests/Browser/run.sh [path/to/fineprint]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-$(swift build --show-bin-path)/fineprint}"
data="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
password="browser test password $(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
printf '%s\n' "$password" > "$data/password"
"$bin" users add browser --role analyst --password-file "$data/password" --data-dir "$data"
"$bin" register example --data-dir "$data" >/dev/null
"$bin" signals import Tests/Fixtures/signals/eurlex-oj-l.rss --source eurlex_oj_l --data-dir "$data" >/dev/null
"$bin" serve --port "$port" --data-dir "$data" --public-url "http://127.0.0.1:$port" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "http://127.0.0.1:$port/health" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "browser test: the server did not start" >&2; exit 1; }
  sleep 0.3
done
FINEPRINT_USER=browser FINEPRINT_PASSWORD="$password" FINEPRINT_REPORT_PATH_FILE="$data/report-path" \
  python3 Tests/Browser/upload_report.py "http://127.0.0.1:$port" Tests/Fixtures/contracts/vendor-ai-terms.md
FINEPRINT_USER=browser FINEPRINT_PASSWORD="$password" \
  python3 Tests/Browser/register_pages.py "http://127.0.0.1:$port"
# Then a review of that report: a selected clause added as a quote to a corrected finding
# (REVIEW_SCREENSHOT=FILE saves the corrected finding as a PNG).
FINEPRINT_USER=browser FINEPRINT_PASSWORD="$password" \
  python3 Tests/Browser/review_report.py "http://127.0.0.1:$port" "$(cat "$data/report-path")" ${REVIEW_SCREENSHOT:+"$REVIEW_SCREENSHOT"}
# Then the signals queue: a signal accepted and promoted through its page (SIGNALS_SCREENSHOT_DIR=DIR saves the
# queue and the promotion form there).
FINEPRINT_USER=browser FINEPRINT_PASSWORD="$password" \
  python3 Tests/Browser/signals_promote.py "http://127.0.0.1:$port" ${SIGNALS_SCREENSHOT_DIR:+"$SIGNALS_SCREENSHOT_DIR"}
