#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/Sources into .build-fuzz/ (or $FUZZ_BUILD).
#
# The library modules are compiled straight from Sources/ with swiftc
# -sanitize=fuzzer,address (coverage for libFuzzer, AddressSanitizer for memory errors)
# into static libraries, once; each target is one small file linked against them.
# Nothing is rebuilt when the sources have not changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${FUZZ_BUILD:-.build-fuzz}"
SWIFTC="${SWIFTC:-swiftc}"
mkdir -p "$OUT"

BLAS_CFLAGS=$(pkg-config --cflags openblas 2>/dev/null || true)
BLAS_LIBS=$(pkg-config --libs-only-L openblas 2>/dev/null || true)
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -I "$OUT" -I Sources/CBLAS)
for flag in $BLAS_CFLAGS; do FLAGS+=(-Xcc "$flag"); done

stamp=$( (find Sources/Threads Sources/WardData Sources/SPCCore Sources/WardSPC Sources/CBLAS Fuzz/Sources -type f -print0 \
          | sort -z | xargs -0 cat; echo "$SWIFTC ${FLAGS[*]}") | sha256sum | cut -d' ' -f1)
targets=$(cd Fuzz/Sources && ls *.swift | grep -v '^FuzzSupport.swift$' | sed 's/\.swift$//')
if [[ -f "$OUT/stamp" && "$(cat "$OUT/stamp")" == "$stamp" ]] \
   && all_built=$(for t in $targets; do [[ -x "$OUT/fuzz-$t" ]] || echo no; done) && [[ -z "$all_built" ]]; then
    echo "fuzz targets are up to date in $OUT"
    exit 0
fi
rm -f "$OUT/stamp"

module() {  # module NAME: Sources/NAME/**/*.swift → $OUT/libNAME.a and its .swiftmodule
    local name=$1
    mapfile -t sources < <(find "Sources/$name" -name '*.swift' | sort)
    "$SWIFTC" "${FLAGS[@]}" -module-name "$name" -emit-module -emit-module-path "$OUT/$name.swiftmodule" \
        -emit-library -static -o "$OUT/lib$name.a" "${sources[@]}" 2>&1 | { grep -v 'ld.gold: warning' || true; }
}

echo "building Threads, WardData and SPCCore (instrumented for libFuzzer and AddressSanitizer)"
module Threads
module WardData & data=$!
module SPCCore & core=$!
wait $data; wait $core
echo "building WardSPC"
module WardSPC
for target in $targets; do
    echo "linking fuzz-$target"
    "$SWIFTC" "${FLAGS[@]}" -use-ld=lld -L "$OUT" $BLAS_LIBS -lWardSPC -lSPCCore -lWardData -lThreads -lopenblas -llapacke \
        Fuzz/Sources/FuzzSupport.swift "Fuzz/Sources/$target.swift" -o "$OUT/fuzz-$target"
done
echo "$stamp" > "$OUT/stamp"
