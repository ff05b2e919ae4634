#!/usr/bin/env bash
# Load benchmark of rulecheck-server on loopback, bounded in time: wrk with keep-alive against
# POST /v1/decisions (twelve inputs in turn, several cohorts and dates) and, beside it,
# GET /healthz (a constant body through the same router and middleware: the HTTP stack's own
# ceiling), at 1, 8 and 64 connections. The two routes are measured alternately, ROUNDS times
# each (default 3) for DURATION seconds (default 5), so that both see the same machine; the
# medians and their ratio are printed. With SOAK seconds (default 0), decisions then run that
# long at 64 connections while the server's resident memory is sampled every 10 s.
#   bash Benchmarks/scripts/server-load.sh [DURATION] [ROUNDS] [SOAK]
#   SERVER=path/to/rulecheck-server bash Benchmarks/scripts/server-load.sh   # a prebuilt binary
# Needs wrk (Debian package). Longest run: 3 x 2 x ROUNDS x DURATION + SOAK seconds.
# Results go in Benchmarks/RESULTS.md, with the machine's load average (printed first).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-5}
rounds=${2:-3}
soak=${3:-0}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
server_binary=${SERVER:-}
if [ -z "$server_binary" ]; then
    swift build -c release --product rulecheck-server >/dev/null 2>&1
    server_binary=.build/release/rulecheck-server
fi
log=$(mktemp)
lua=$(mktemp --suffix=.lua)
"$server_binary" --rules rules --port 0 --reload-interval 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log" "$lua"' EXIT
for _ in $(seq 100); do grep -q listening "$log" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$log" | head -n1)
cat >"$lua" <<'LUA'
-- Twelve inputs in turn: several cohorts, statuses and dates of the shipped table.
local inputs = {
    '{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-02-16"}',
    '{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2026-12-20"}',
    '{"ma_expires": 2026, "nr_expires": 2026, "as_of": "2026-02-16"}',
    '{"ma_expires": 2026, "nr_expires": null, "as_of": "2026-02-16"}',
    '{"ma_expires": 2027, "nr_expires": 2027, "as_of": "2026-05-01"}',
    '{"ma_expires": 2025, "nr_expires": 2027, "as_of": "2026-02-16"}',
    '{"ma_expires": 2028, "nr_expires": 2029, "as_of": "2026-02-16"}',
    '{"ma_expires": 2026, "nr_expires": 2028, "as_of": "2026-03-01"}',
    '{"ma_expires": 2022, "nr_expires": 2032, "as_of": "2027-03-31"}',
    '{"ma_expires": 2030, "nr_expires": null, "as_of": "2025-12-01"}',
    '{"ma_expires": 2026, "nr_expires": 2027, "as_of": "2027-01-10"}',
    '{"ma_expires": 2024, "nr_expires": 2024, "as_of": "2026-08-08"}',
}
local requests = {}
for i, body in ipairs(inputs) do
    requests[i] = wrk.format("POST", "/v1/decisions", {["Content-Type"] = "application/json"}, body)
end
local next_request = 0
request = function()
    next_request = next_request % #requests + 1
    return requests[next_request]
end
LUA
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
# wrk's latency with its unit (us, ms, s) in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.3f", n }'; }
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
run() { # route connections -> "rps p50ms p99ms errors"
    local threads=$(($2 < 2 ? 1 : 2)) out
    if [ "$1" = decisions ]; then
        out=$(wrk -t"$threads" -c"$2" -d"${duration}s" --latency -s "$lua" "$url")
    else
        out=$(wrk -t"$threads" -c"$2" -d"${duration}s" --latency "$url/healthz")
    fi
    local errors
    errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
    echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")") $(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")") $errors"
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); server $url; resident before: $(rss) kB"
printf '%-4s %-10s %12s %9s %9s %7s\n' conn route "req/s" "p50 ms" "p99 ms" errors
for connections in 1 8 64; do
    results=$(mktemp)
    for round in $(seq "$rounds"); do
        for route in healthz decisions; do
            line=$(run "$route" "$connections")
            echo "$route $line" >>"$results"
            printf '%-4s %-10s %12s %9s %9s %7s   (round %s)\n' "$connections" "$route" $line "$round"
        done
    done
    for route in healthz decisions; do
        for column in 2 3 4; do
            value=$(awk -v r="$route" -v c="$column" '$1 == r { print $c }' "$results" | median)
            eval "${route}_$column=$value"
        done
        eval "${route}_errors=$(awk -v r="$route" '$1 == r { n += $5 } END { print n + 0 }' "$results")"
    done
    rm -f "$results"
    printf 'median c=%-3s ceiling %10.0f req/s p50 %s p99 %s | decisions %10.0f req/s p50 %s p99 %s | ratio %s %% | errors %s\n' \
        "$connections" "$healthz_2" "$healthz_3" "$healthz_4" "$decisions_2" "$decisions_3" "$decisions_4" \
        "$(awk -v d="$decisions_2" -v h="$healthz_2" 'BEGIN { printf "%.0f", 100 * d / h }')" \
        "$((healthz_errors + decisions_errors))"
done
echo "resident after the runs: $(rss) kB"
if [ "$soak" -gt 0 ]; then
    wrk -t2 -c64 -d"${soak}s" -s "$lua" "$url" >"$log.soak" &
    load=$!
    samples=""
    for _ in $(seq $((soak / 10))); do
        sleep 10
        samples="$samples $(rss)"
    done
    wait "$load"
    echo "soak ${soak}s at 64 connections: $(awk '/Requests\/sec/ {print $2}' "$log.soak") req/s, $(grep -E 'Non-2xx|Socket errors' "$log.soak" || echo 'no errors')"
    echo "resident every 10 s (kB):$samples"
    rm -f "$log.soak"
fi
