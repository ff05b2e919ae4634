#!/usr/bin/env bash
# Writes every command's output on the shipped table and the fixtures into one folder, so two
# builds can be compared byte for byte (a refactor must leave them identical):
#   bash scripts/output-snapshot.sh BINARY OUTDIR
#   diff -r OLD_OUTDIR NEW_OUTDIR
set -uo pipefail
bin=$(realpath "$1")
out=$2
cd "$(dirname "$0")/.."
mkdir -p "$out"
run() {   # name, then the command's arguments; records stdout, stderr and the exit code
    local name=$1; shift
    "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
    echo "$?" >"$out/$name.rc"
}
tables=(rules/2026.yaml Tests/Fixtures/policies/2027-example.yaml Tests/Fixtures/policies/example-state.yaml
    Tests/Fixtures/policies/outcomes-example.yaml)
for t in "${tables[@]}"; do
    n=$(basename "$t" .yaml)
    for f in text json sarif; do run "validate-$n-$f" validate --verbose --format "$f" "$t"; done
    run "test-$n-text" test "$t"
    run "test-$n-json" test --format json "$t"
    run "timeline-$n" matrix "$t" --timeline
    for f in text markdown html; do run "matrix-$n-$f" matrix "$t" --as-of 2026-02-20 --format "$f"; done
done
for f in schema-yaml/*.yaml Tests/RuleEngineTests/Fixtures/schema/*.yaml Tests/RuleEngineTests/Fixtures/yaml/*.yaml; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .yaml)
    run "fixture-$n-text" validate "$f"
    run "fixture-$n-json" validate --format json "$f"
    run "fixture-$n-sarif" validate --format sarif "$f"
done
for d in 2026-01-10 2026-02-16 2026-02-20 2026-04-01 2026-07-01 2026-12-31; do
    for ma in 2025 2026 2027 2028; do
        for nr in 2026 2027 2028 none; do
            run "eval-$ma-$nr-$d" eval --rules rules/2026.yaml --ma "$ma" --nr "$nr" --as-of "$d" --format json
            run "eval-text-$ma-$nr-$d" eval --rules rules/2026.yaml --ma "$ma" --nr "$nr" --as-of "$d"
            run "explain-$ma-$nr-$d" explain --rules rules/2026.yaml --ma "$ma" --nr "$nr" --as-of "$d" --format json
            run "explain-text-$ma-$nr-$d" explain --rules rules/2026.yaml --ma "$ma" --nr "$nr" --as-of "$d"
        done
    done
done
oc=Tests/Fixtures/policies/outcomes-example.yaml
for args in "2026 2027 2026-02-10" "2026 2027 2026-03-01" "2026 2026 2026-05-01" "2025 none 2026-05-01"; do
    set -- $args
    run "eval-outcomes-$1-$2-$3" eval --rules "$oc" --ma "$1" --nr "$2" --as-of "$3" --format json
    run "eval-text-outcomes-$1-$2-$3" eval --rules "$oc" --ma "$1" --nr "$2" --as-of "$3"
done
run diff-text diff rules/2026.yaml Tests/Fixtures/policies/2027-example.yaml --shift-years 1
run diff-json diff rules/2026.yaml Tests/Fixtures/policies/2027-example.yaml --shift-years 1 --format json
run diff-literal diff rules/2026.yaml Tests/Fixtures/policies/2027-example.yaml
run schema-table schema
run schema-expect schema --kind expectations
tmp=$(mktemp -d)
"$bin" generate-roster --rules rules/2026.yaml --rows 20000 --seed 7 >"$tmp/roster.csv" 2>/dev/null
cp "$tmp/roster.csv" "$out/roster.csv"
run batch-csv batch "$tmp/roster.csv" --rules rules/2026.yaml --as-of 2026-02-16
run batch-jsonl batch "$tmp/roster.csv" --rules rules/2026.yaml --format jsonl
"$bin" generate-roster --rules "$oc" --rows 2000 --seed 7 >"$tmp/oc-roster.csv" 2>/dev/null
run batch-outcomes-csv batch "$tmp/oc-roster.csv" --rules "$oc" --as-of 2026-02-16
run batch-outcomes-jsonl batch "$tmp/oc-roster.csv" --rules "$oc" --format jsonl
run batch-summary batch "$tmp/roster.csv" --rules rules --summary
printf 'id,ma_expires,nr_expires,as_of\n1,2026,2027,2026-02-16\n2,2O26,2027,\n3,2026,none,2026-13-01\n4,"2026",2027\n' >"$tmp/bad.csv"
run batch-bad-csv batch "$tmp/bad.csv" --rules rules/2026.yaml --as-of 2026-02-16
run batch-bad-jsonl batch "$tmp/bad.csv" --rules rules/2026.yaml --as-of 2026-02-16 --format jsonl
sed -i "s|$tmp|TMP|g" "$out"/*.err "$out"/*.out
rm -rf "$tmp"
