#!/usr/bin/env bash
# Renders every page of the reference PDF to docs/pages/page-NN.png (the images the README and
# docs/layout.md show). Build the PDF first:
#   npx tsc -p . && node bin/yusuan.js build data/2024-info-center.yaml
# Usage: scripts/page-images.sh [PDF] — default out/2024-info-center.pdf; DPI=60 by default, which
# keeps the 22 pages under 2 MB.
set -euo pipefail
cd "$(dirname "$0")/.."

pdf=${1:-out/2024-info-center.pdf}
dpi=${DPI:-60}
dest=docs/pages

if [[ ! -f $pdf ]]; then
  echo "缺少 $pdf：请先运行 node bin/yusuan.js build data/2024-info-center.yaml。 No $pdf: build it first." >&2
  exit 1
fi
if ! command -v pdftoppm >/dev/null; then
  echo "缺少 pdftoppm：请运行 apt-get install poppler-utils。 pdftoppm missing: apt-get install poppler-utils." >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pdftoppm -r "$dpi" -png "$pdf" "$tmp/page"

mkdir -p "$dest"
rm -f "$dest"/page-*.png
# pdftoppm pads page numbers to the width of the page count; the names here always have two digits.
for file in "$tmp"/page-*.png; do
  n=${file##*-}
  n=${n%.png}
  cp "$file" "$dest/page-$(printf '%02d' "$((10#$n))").png"
done

count=$(ls "$dest"/page-*.png | wc -l)
size=$(du -ch "$dest"/page-*.png | tail -1 | cut -f1)
echo "$dest: $count pages, $size"
