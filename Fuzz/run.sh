#!/usr/bin/env bash
# Runs the fuzz targets: Fuzz/run.sh SECONDS [TARGET…]  (default: every target)
#
# Each target starts from its committed seed corpus (Fuzz/corpus/TARGET) plus what
# earlier runs found (.build-fuzz/corpus/TARGET, not committed) and runs SECONDS
# seconds. A crash, a hang (one input over 10 s), a leak or memory over 2 GiB stops
# that target, keeps the input in Fuzz/artifacts/ and makes the script fail. Every run
# is appended to .build-fuzz/fuzz-log.tsv (target, seconds, executions, result).
#   FUZZ_JOBS=2   run two targets at a time
#   FUZZ_SMOKE=1  start from the committed corpus only and keep nothing (CI)
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${FUZZ_BUILD:-.build-fuzz}"
seconds="${1:-60}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    mapfile -t targets < <(cd Fuzz/Sources && ls *.swift | grep -v '^FuzzSupport.swift$' | sed 's/\.swift$//')
fi
mkdir -p Fuzz/artifacts "$OUT/logs"

run_one() {
    local target=$1 work
    local seed=()
    if [[ "${FUZZ_SMOKE:-0}" == 1 ]]; then
        work=$(mktemp -d)
        seed=(-seed=1)
    else
        work="$OUT/corpus/$target"
        mkdir -p "$work"
    fi
    local log="$OUT/logs/$target.log"
    local started=$(date +%s)
    "$OUT/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -dict=Fuzz/dict/csv.dict -artifact_prefix="Fuzz/artifacts/$target-" -print_final_stats=1 "${seed[@]}" \
        "$work" "Fuzz/corpus/$target" > "$log" 2>&1
    local status=$?
    local elapsed=$(( $(date +%s) - started ))
    local runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    [[ "${FUZZ_SMOKE:-0}" == 1 ]] && rm -rf "$work"
    local result=ok
    if [[ $status -ne 0 ]]; then result=FAILED; fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$elapsed" "${runs:-0}" "$result" >> "$OUT/fuzz-log.tsv"
    printf 'fuzz-%-14s %5ss %10s runs  %s\n' "$target" "$elapsed" "${runs:-0}" "$result"
    if [[ $status -ne 0 ]]; then
        grep -E 'ERROR|invariant|Fatal error|panic|SUMMARY|Test unit written' "$log" | head -20
        echo "  full log: $log"
        return 1
    fi
}

failed=0
jobs="${FUZZ_JOBS:-1}"
running=0
for target in "${targets[@]}"; do
    if [[ ! -x "$OUT/fuzz-$target" ]]; then echo "no fuzz target $target (run Fuzz/build.sh)"; exit 2; fi
    run_one "$target" &
    running=$((running + 1))
    if (( running >= jobs )); then wait -n || failed=1; running=$((running - 1)); fi
done
while (( running > 0 )); do wait -n || failed=1; running=$((running - 1)); done
exit $failed
