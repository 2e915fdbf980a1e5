#!/usr/bin/env bash
# Installs yusuan as a user would — `npm pack`, then `npm install -g` of the tarball into a
# temporary prefix — and runs it from a folder outside the project: --version, init, check and
# build of the example. Proves the package holds what it needs (dist, templates, schema, fonts as
# dependencies) and finds it relative to itself, not the current folder.
#   bash scripts/pack-check.sh            # packs (npm runs `prepare`: tsc), installs, runs
#   PACK_CHECK_SKIP_PREPARE=1 bash …      # dist/ is already fresh (the test suite): pack without scripts
# Prints one line per step; exit 0 when all pass. Installs with --prefer-offline from npm's cache.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/yusuan-pack-XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

step() { echo "pack-check: $*"; }

pack_args=(--pack-destination "$tmp" --silent)
[ -n "${PACK_CHECK_SKIP_PREPARE:-}" ] && pack_args+=(--ignore-scripts)
tgz="$tmp/$(cd "$root" && npm pack "${pack_args[@]}" | tail -n 1)"
step "packed $(basename "$tgz")"

listing="$(tar -tzf "$tgz")"
for f in package/bin/yusuan.js package/dist/cli/index.js package/dist/index.d.ts package/templates/document.md.hbs \
  package/templates/init.yaml.hbs package/schema/yusuan.schema.json package/README.zh-CN.md package/data/2024-info-center.yaml; do
  grep -qx "$f" <<<"$listing" || { echo "pack-check: $f is missing from the tarball" >&2; exit 1; }
done
step "tarball holds dist, templates, schema, READMEs and the example"

# Puppeteer must not download a browser: the PDF uses the system's Chromium (see README).
PUPPETEER_SKIP_DOWNLOAD=1 npm install -g --prefix "$tmp/prefix" "$tgz" --no-audit --no-fund --prefer-offline --silent
yusuan="$tmp/prefix/bin/yusuan"
[ -x "$yusuan" ] || { echo "pack-check: no bin/yusuan after npm install -g" >&2; exit 1; }
step "installed with npm install -g --prefix"

# A folder outside the project, with nothing of it but the example data file.
work="$tmp/elsewhere"
mkdir -p "$work"
cp "$root/data/2024-info-center.yaml" "$work/"
cd "$work"

version="$("$yusuan" --version)"
expected="$(node -p "require('$root/package.json').version")"
[ "$version" = "$expected" ] || { echo "pack-check: --version printed '$version', expected '$expected'" >&2; exit 1; }
step "yusuan --version: $version"

"$yusuan" check 2024-info-center.yaml >/dev/null
step "yusuan check 2024-info-center.yaml"

"$yusuan" build 2024-info-center.yaml --format md,html --out out >/dev/null
grep -q '新疆维吾尔自治区工业和信息化厅信息中心' out/2024-info-center.md
grep -q '^<!doctype html>' out/2024-info-center.html
step "yusuan build --format md,html: $(ls out | tr '\n' ' ')"

"$yusuan" init --name 某县人民医院 --kind 事业单位 --year 2025 --codes 2080502,2101102 >/dev/null 2>&1
"$yusuan" check 2025-某县人民医院.yaml >/dev/null
if "$yusuan" check --strict 2025-某县人民医院.yaml >/dev/null; then
  echo "pack-check: check --strict passed a file full of placeholders" >&2; exit 1
fi
step "yusuan init, then check (passes) and check --strict (fails until filled)"
echo "pack-check: ok"
