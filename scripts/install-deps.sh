#!/usr/bin/env bash
# Installs the system libraries WardSPC links (OpenBLAS and LAPACKE) when they are missing.
set -euo pipefail

have_deps() {
  command -v pkg-config >/dev/null 2>&1 &&
    pkg-config --exists openblas &&
    [ -f /usr/include/lapacke.h ] &&
    { [ -f "$(pkg-config --variable=includedir openblas)/cblas.h" ] || ls /usr/include/*/openblas*/cblas.h >/dev/null 2>&1 || [ -f /usr/include/cblas.h ]; }
}

if have_deps; then
  exit 0
fi

packages=(pkg-config libopenblas-dev liblapacke-dev)
if [ "$(id -u)" -eq 0 ]; then
  runner=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  runner=(sudo)
else
  echo "WardSPC needs OpenBLAS and LAPACKE. Install them with:" >&2
  echo "  sudo apt-get install -y ${packages[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "WardSPC needs OpenBLAS (with pkg-config file 'openblas') and LAPACKE; install them with your system's package manager: ${packages[*]}" >&2
  exit 1
fi

echo "Installing ${packages[*]} …" >&2
export DEBIAN_FRONTEND=noninteractive
"${runner[@]}" apt-get update -qq
"${runner[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
have_deps || { echo "OpenBLAS/LAPACKE still not found after installing ${packages[*]}" >&2; exit 1; }
