#!/usr/bin/env bash
# `make bench`: the whole-process timings of issue 6 and the side-by-side comparisons,
# in one run, then the Swift benchmark package (Benchmarks/README.md).
#
#   1. builds release wardspc (the Makefile's `release` target does this first);
#   2. generates the long files of scripts/generate_big_csv.py — 1,000, 10,000 and
#      100,000 series × 156 weeks — into $BENCH_DIR (default .bench/, gitignored), once;
#   3. times with hyperfine (median of runs) and /usr/bin/time -f %M (peak RSS, max over
#      runs): analyze --summary, analyze (every point), evaluate (10k), analyze --summary
#      (100k), chart (1k, every SVG); R data.table::fread and pandas + pycontrolcharts on
#      the same 10k file;
#   4. prints the table of medians, ratios and each target's pass/fail
#      (scripts/bench/summarize.py), kept in $BENCH_DIR/results/;
#   5. runs `swift package benchmark` in Benchmarks/ unless BENCH_QUICK=1.
#
# Knobs (environment): BENCH_DIR; BENCH_MIN_RUNS/BENCH_MAX_RUNS (default 3/10: hyperfine
# runs each 10k/1k command for about 3 s within these bounds, after one warm-up run);
# BENCH_BIG_RUNS (100k runs, default 3); BENCH_PANDAS_RUNS (default 1: a run takes
# minutes); BENCH_PANDAS_CHART (xmr, the issue's comparison, or u), BENCH_QUICK=1 (no
# Swift benchmark package), BENCH_SKIP_100K=1, BENCH_SKIP_PANDAS=1, BENCH_SKIP_R=1.
# Only flags that `wardspc … --help` lists are used; a missing one skips its row.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/.bench}
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
MIN_RUNS=${BENCH_MIN_RUNS:-3}
MAX_RUNS=${BENCH_MAX_RUNS:-10}
BIG_RUNS=${BENCH_BIG_RUNS:-3}
PANDAS_RUNS=${BENCH_PANDAS_RUNS:-1}
PANDAS_CHART=${BENCH_PANDAS_CHART:-xmr}
WARDSPC=${WARDSPC:-$ROOT/.build/release/wardspc}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH_DIR/results/$STAMP
mkdir -p "$OUT"

say() { printf '\n== %s\n' "$*" >&2; }

# --- tools ---------------------------------------------------------------------------
apt_install() {
  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      runner=(sudo)
    else
      echo "make bench needs the Debian packages: $*; install them with: sudo apt-get install -y $*" >&2
      return 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || { echo "make bench needs: $* (no apt-get here)" >&2; return 1; }
  echo "Installing $* …" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${runner[@]}" apt-get update -qq
  "${runner[@]}" apt-get install -y -qq "$@" >/dev/null
}

missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${BENCH_SKIP_R:-0}" != 1 ]; then
  { command -v Rscript >/dev/null 2>&1 && Rscript -e 'quit(status = !requireNamespace("data.table", quietly = TRUE))' >/dev/null 2>&1; } ||
    missing+=(r-cran-data.table)
fi
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
if [ "${BENCH_SKIP_PANDAS:-0}" != 1 ] && ! python3 -c 'import pandas, pycontrolcharts' >/dev/null 2>&1; then
  echo "Installing pandas and pycontrolcharts from PyPI …" >&2
  python3 -m pip install --quiet pandas pycontrolcharts
fi
[ -x "$WARDSPC" ] || { echo "no release wardspc at $WARDSPC: run make release (make bench does)" >&2; exit 1; }

# --- inputs --------------------------------------------------------------------------
generate() {  # generate SERIES [WEEKS]: the long file, once
  local weeks=${2:-156}
  local file=$BENCH_DIR/long-$1.csv
  [ "$weeks" = 156 ] || file=$BENCH_DIR/long-$1-$weeks-weeks.csv
  if [ ! -s "$file" ]; then
    say "generating $1 series × $weeks weeks into $file"
    python3 scripts/generate_big_csv.py --series "$1" --weeks "$weeks" --out "$file.tmp.$$"
    mv "$file.tmp.$$" "$file"
  fi
  echo "$file"
}
F1K=$(generate 1000)
F10K=$(generate 10000)
[ "${BENCH_SKIP_100K:-0}" = 1 ] || F100K=$(generate 100000)

# --- what the CLI offers today (the engine is being rewritten) -----------------------
has_flag() {  # has_flag COMMAND FLAG (the help is captured first: grep -q would cut the pipe)
  local help
  help=$("$WARDSPC" "$1" --help 2>&1 || true)
  grep -q -- "$2" <<< "$help"
}
can_analyze=1; for flag in --chart --summary --format; do has_flag analyze "$flag" || can_analyze=0; done
can_evaluate=1; for flag in --baseline-until --from --format; do has_flag evaluate "$flag" || can_evaluate=0; done
can_chart=1; for flag in --out --force; do has_flag chart "$flag" || can_chart=0; done

# --- timing --------------------------------------------------------------------------
# time_cli NAME RUNS WARMUP COMMAND…: hyperfine median (JSON in $OUT/NAME.json) and the
# peak RSS of every run, warm-ups included (KB, one a line in $OUT/NAME.rss). RUNS is a
# number, or "auto": about 3 s of runs within BENCH_MIN_RUNS … BENCH_MAX_RUNS.
time_cli() {
  local name=$1 runs=$2 warmup=$3; shift 3
  local count=(--runs "$runs")
  [ "$runs" != auto ] || count=(--min-runs "$MIN_RUNS" --max-runs "$MAX_RUNS")
  say "$name: $*"
  : > "$OUT/$name.rss"
  # A failing command is recorded (NAME.failed, with its stderr) and the run goes on.
  if ! hyperfine --shell=none --style basic "${count[@]}" --warmup "$warmup" \
    --export-json "$OUT/$name.json" --command-name "$name" \
    "/usr/bin/time -a -o $OUT/$name.rss -f %M $*" >&2; then
    rm -f "$OUT/$name.json"
    "$@" 2>&1 >/dev/null | head -n 5 > "$OUT/$name.failed" || true
    echo "$name FAILED: $(head -n 1 "$OUT/$name.failed")" >&2
  fi
}

{
  echo "date_utc=$STAMP"
  echo "host=$(uname -srm)"
  echo "cpus=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "wardspc=$("$WARDSPC" --version 2>/dev/null || echo unknown)"
  echo "hyperfine=$(hyperfine --version | cut -d' ' -f2)"
  echo "file_10k_bytes=$(stat -L -c %s "$F10K")"
  [ -z "${F100K:-}" ] || echo "file_100k_bytes=$(stat -L -c %s "$F100K")"
} > "$OUT/machine.txt"

# The files' pages in the cache before any timing (the 100k run has no warm-up run).
cat "$F1K" "$F10K" ${F100K:+"$F100K"} > /dev/null

if [ $can_analyze = 1 ]; then
  time_cli summary_10k auto 1 "$WARDSPC" analyze "$F10K" --chart u --summary --format csv
  time_cli points_10k auto 1 "$WARDSPC" analyze "$F10K" --chart u --format csv
  if [ -n "${F100K:-}" ]; then
    # 100,000 series × 156 weeks is 15.6M rows, above the default --max-rows (10M).
    raise=()
    if has_flag analyze --max-rows; then raise=(--max-rows 20000000); fi
    time_cli summary_100k "$BIG_RUNS" 0 "$WARDSPC" analyze "$F100K" --chart u --summary --format csv "${raise[@]}"
  fi
else
  echo "skipped analyze: wardspc analyze lacks one of --chart --summary --format" >&2
fi
if [ $can_evaluate = 1 ]; then
  time_cli evaluate_10k auto 1 "$WARDSPC" evaluate "$F10K" --baseline-until 2023-12-25 --from 2024-07-01 --format json
else
  echo "skipped evaluate: wardspc evaluate lacks one of --baseline-until --from --format" >&2
fi
if [ $can_chart = 1 ]; then
  CHART_DIR=$(mktemp -d "${TMPDIR:-/tmp}/wardspc-bench-charts.XXXXXX")
  time_cli chart_1k auto 1 "$WARDSPC" chart "$F1K" --out "$CHART_DIR/svg" --force
  ls "$CHART_DIR/svg" | grep -c '\.svg$' > "$OUT/chart_1k.files" || true
  # The report on one-week series (issue 17: it was superlinear — 2.5 s at 10k, 21 s at
  # 40k, unfinished at 100k): every chart drawn and written, so file creation counts too.
  R10K=$(generate 10000 1)
  time_cli report_10k_one_week 3 0 "$WARDSPC" report "$R10K" --out "$CHART_DIR/report-10k" --force --quiet
  if [ "${BENCH_SKIP_100K:-0}" != 1 ]; then
    R100K=$(generate 100000 1)
    time_cli report_100k_one_week 1 0 "$WARDSPC" report "$R100K" --out "$CHART_DIR/report-100k" --force --quiet
  fi
  rm -rf "$CHART_DIR"
else
  echo "skipped chart: wardspc chart lacks --out or --force" >&2
fi

# --- side by side: R data.table::fread on the same 10k file ---------------------------
if [ "${BENCH_SKIP_R:-0}" != 1 ]; then
  cat > "$OUT/fread.R" <<EOF
suppressMessages(library(data.table))
invisible(fread("$F10K"))
EOF
  time_cli fread_process_10k auto 1 Rscript "$OUT/fread.R"
  say "fread alone, timed inside R (median of 11 reads after one warm-up)"
  # One line per read: elapsed, user, system seconds (fread's threads count in user).
  Rscript -e "suppressMessages(library(data.table)); invisible(fread('$F10K'));
    for (i in 1:11) { t <- system.time(fread('$F10K')); cat(sprintf('%.4f %.4f %.4f\n', t[['elapsed']], t[['user.self']], t[['sys.self']])) };
    cat(sprintf('data.table=%s threads=%d\n', packageVersion('data.table'), getDTthreads()), file = '$OUT/fread_version.txt')" \
    > "$OUT/fread_inR_10k.txt" || { echo "fread in R failed" >&2; rm -f "$OUT/fread_inR_10k.txt"; touch "$OUT/fread_inR_10k.txt"; }
  cut -d' ' -f1 "$OUT/fread_inR_10k.txt" | tr '\n' ' ' >&2; echo >&2
fi

# --- side by side: pandas + pycontrolcharts on the same 10k file ----------------------
if [ "${BENCH_SKIP_PANDAS:-0}" != 1 ]; then
  python3 -c 'import pandas, pycontrolcharts; print(f"pandas={pandas.__version__} pycontrolcharts={pycontrolcharts.__version__}")' \
    > "$OUT/pandas_versions.txt"
  time_cli pandas_pcc_10k "$PANDAS_RUNS" 0 python3 "$ROOT/scripts/bench/pandas_pycontrolcharts.py" "$F10K" --chart "$PANDAS_CHART"
  echo "$PANDAS_CHART" > "$OUT/pandas_chart.txt"
fi

say "results ($OUT)"
python3 scripts/bench/summarize.py "$OUT" | tee "$OUT/summary.md"
ln -sfn "$STAMP" "$BENCH_DIR/results/latest"

# --- the Swift benchmark package -------------------------------------------------------
if [ "${BENCH_QUICK:-0}" != 1 ]; then
  say "Swift benchmark package (Benchmarks/; BENCH_QUICK=1 skips it)"
  (cd Benchmarks && WARDSPC_BENCH_DIR="$BENCH_DIR" swift package --disable-sandbox benchmark --no-progress) 2>&1 |
    tee "$OUT/swift-benchmarks.txt"
fi
