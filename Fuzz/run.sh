#!/usr/bin/env bash
# Fuzzes the rule-table loader with libFuzzer and AddressSanitizer for SECONDS (default 60),
# starting from the shipped tables and every fixture. Exits non-zero on a crash, a hang
# (5 s per input) or a leak; the input that caused it is written to Fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp ../rules/*.yaml ../Tests/Fixtures/policies/*.yaml ../Tests/RuleEngineTests/Fixtures/minimal.yaml \
    ../Tests/RuleEngineTests/Fixtures/schema/*.yaml ../Tests/RuleEngineTests/Fixtures/yaml/*.yaml "$corpus"/
mkdir -p artifacts
.build/debug/FuzzLoader "$corpus" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 -max_len=8192 \
    -artifact_prefix=artifacts/ -print_final_stats=1
