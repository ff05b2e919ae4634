#!/usr/bin/env bash
# Load benchmark of rulecheck-server on loopback, bounded in time: wrk with keep-alive against
# POST /v1/decisions and, beside it, GET /healthz (a constant body: the HTTP stack's own
# ceiling), at 1, 8 and 64 connections, DURATION seconds each (default 10).
#   bash Benchmarks/scripts/server-load.sh [DURATION]
# Needs wrk (Debian package) and a release build; prints wrk's summary lines and the server's
# resident memory before and after. Results go in Benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
swift build -c release --product rulecheck-server >/dev/null 2>&1
log=$(mktemp)
.build/release/rulecheck-server --rules rules --port 0 --reload-interval 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log" "$lua"' EXIT
for _ in $(seq 100); do grep -q listening "$log" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$log" | head -n1)
lua=$(mktemp --suffix=.lua)
cat >"$lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}'
LUA
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }
echo "server $url, resident before: $(rss)"
for connections in 1 8 64; do
    threads=$((connections < 2 ? 1 : 2))
    for route in decisions healthz; do
        if [ "$route" = decisions ]; then
            out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$lua" "$url/v1/decisions")
        else
            out=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$url/healthz")
        fi
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
        printf '%-10s c=%-3s %10s req/s  p50 %-9s p99 %-9s %s\n' "$route" "$connections" "$rps" "$p50" "$p99" "${errors:-no errors}"
    done
done
echo "resident after: $(rss)"
