#!/usr/bin/env bash
# Installs what yusuan needs on a fresh Debian/Ubuntu machine: Chromium (for the PDF),
# poppler-utils and strace (the tests read PDFs and watch Chromium's network calls with them) and
# LibreOffice Calc and Writer (the tests open the exported workbook and document with them) from apt
# when missing, then the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc libreoffice-writer)
# The test that proves printing sends no DNS query watches Chromium's system calls with strace.
command -v strace >/dev/null 2>&1 || missing+=(strace)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "缺少 Missing: ${missing[*]} — run: sudo apt-get install ${missing[*]}" >&2
  fi
fi

# Puppeteer must not download a browser of its own: src/print finds the system's Chromium.
export PUPPETEER_SKIP_DOWNLOAD=1
npm ci --no-audit --no-fund
