#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server on loopback for the store tests, and prints the
# URL to put in FINEPRINT_TEST_POSTGRES_URL. Trust authentication: it listens on 127.0.0.1 only and
# its data folder is deleted by `stop`.
#   scripts/test-postgres.sh start [DIR] [PORT]  ->  postgres://fineprint@127.0.0.1:PORT/postgres
#   scripts/test-postgres.sh stop  [DIR]
set -euo pipefail
action=${1:-start}
dir=${2:-/tmp/fineprint-test-postgres}
port=${3:-55432}

initdb=$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$initdb" ]; then
  echo "test-postgres: no PostgreSQL server binaries (initdb); install Debian's postgresql package" >&2
  exit 1
fi
bin=$(dirname "$initdb")

# PostgreSQL refuses to run as root: use a system user of its own.
run=()
if [ "$(id -u)" = 0 ]; then
  id fineprintpg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin fineprintpg
  run=(runuser -u fineprintpg --)
fi

case "$action" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ ${#run[@]} -gt 0 ] && chown fineprintpg "$dir"
      "${run[@]}" "$bin/initdb" -D "$dir" -A trust -U fineprint -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    "${run[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null
    echo "postgres://fineprint@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -f "$dir/PG_VERSION" ] && "${run[@]}" "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [DIR] [PORT]" >&2; exit 2 ;;
esac
