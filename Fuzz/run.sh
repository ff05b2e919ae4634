#!/usr/bin/env bash
# Runs every libFuzzer target (with AddressSanitizer) for a bounded total time: SECONDS
# (default 84) shared equally among the targets, each starting from its seed corpus under
# Fuzz/Corpus/ (copied, so the committed seeds stay as they are). Exits non-zero on a crash,
# a hang (5 s per input), a leak, or an analysis-cost cliff; the input that caused it is
# written to Fuzz/artifacts/. Prints, per target, the inputs run and the seconds taken.
set -euo pipefail
cd "$(dirname "$0")"
total="${1:-84}"
targets=(FuzzLoader FuzzRoster FuzzExpectations FuzzDiff FuzzExplain FuzzRenderers FuzzAnalysisCost)
corpus_of() {
    case "$1" in
        FuzzRoster) echo Corpus/roster ;;
        FuzzExpectations) echo Corpus/expectations ;;
        FuzzDiff) echo Corpus/diff ;;
        FuzzAnalysisCost) echo Corpus/analysis ;;
        *) echo Corpus/tables ;;
    esac
}
# -Xcc: the C row loop (CRosterRows) is checked by AddressSanitizer too.
swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xcc -fsanitize=address
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p artifacts
summary=()
deadline=$(( $(date +%s) + total ))
left=${#targets[@]}
for target in "${targets[@]}"; do
    # What remains of the total, shared among the targets left, less 2 s for loading the seeds.
    each=$(( (deadline - $(date +%s)) / left - 2 ))
    (( each >= 1 )) || each=1
    left=$(( left - 1 ))
    seeds=$(corpus_of "$target")
    mkdir -p "$work/$target"
    cp "$seeds"/* "$work/$target"/
    started=$(date +%s)
    LSAN_OPTIONS="suppressions=$PWD/lsan.supp:print_suppressions=0" FUZZ_SEEDS="$seeds" ".build/debug/$target" "$work/$target" -max_total_time="$each" -timeout=5 \
        -rss_limit_mb=4096 -max_len=16384 -artifact_prefix="artifacts/$target-" -print_final_stats=1 \
        2>"$work/$target.log" || { tail -40 "$work/$target.log"; echo "== $target FAILED"; exit 1; }
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$' || echo "?")
    summary+=("$target: $runs inputs in $(( $(date +%s) - started )) s (seeds: $seeds, $(ls "$seeds" | wc -l) files)")
    grep -h '^analysis-cost' "$work/$target.log" || true
done
printf '%s\n' "${summary[@]}"
echo "total: $(( $(date +%s) - deadline + total )) s of fuzzing (budget $total s)"
