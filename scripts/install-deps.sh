#!/usr/bin/env bash
# Installs the system packages WardSPC links and tests with when they are missing:
# OpenBLAS and LAPACKE (the statistics), librsvg and cairo (charts as PNG and PDF) with the
# font the charts name (Liberation Sans), poppler-utils (the PDF tests read report.pdf) and
# LibreOffice Impress (the tests open slides.pptx in it).
set -euo pipefail

have_deps() {
  command -v pkg-config >/dev/null 2>&1 &&
    pkg-config --exists openblas &&
    [ -f /usr/include/lapacke.h ] &&
    { [ -f "$(pkg-config --variable=includedir openblas)/cblas.h" ] || ls /usr/include/*/openblas*/cblas.h >/dev/null 2>&1 || [ -f /usr/include/cblas.h ]; } &&
    pkg-config --exists librsvg-2.0 cairo zlib &&
    fc-list 2>/dev/null | grep -q "Liberation Sans" &&
    command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 &&
    command -v libreoffice >/dev/null 2>&1
}

if have_deps; then
  exit 0
fi

packages=(pkg-config libopenblas-dev liblapacke-dev librsvg2-dev libcairo2-dev zlib1g-dev fonts-liberation
  poppler-utils libreoffice-impress)
if [ "$(id -u)" -eq 0 ]; then
  runner=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  runner=(sudo)
else
  echo "WardSPC needs these system packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${packages[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "WardSPC needs OpenBLAS (with pkg-config file 'openblas'), LAPACKE, librsvg and cairo, the Liberation fonts, poppler's pdfinfo and LibreOffice; install them with your system's package manager: ${packages[*]}" >&2
  exit 1
fi

echo "Installing ${packages[*]} …" >&2
export DEBIAN_FRONTEND=noninteractive
"${runner[@]}" apt-get update -qq
"${runner[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
have_deps || { echo "Some of ${packages[*]} are still missing after installing them" >&2; exit 1; }
