#!/usr/bin/env node
// Compares the bundled classification (catalog/*.tsv) with what could be checked: the published
// reference's table rows and the code→name pairs of catalog/evidence.tsv. For each list and year it
// prints how many rows a source confirms (and how many by two independent sources), which names
// differ, which rows no source covers, and which source rows the list lacks.
//   node scripts/catalog-verify.js            summary per file
//   node scripts/catalog-verify.js --list     also every row with its status and sources
//   node scripts/catalog-verify.js --unconfirmed   the codes no source confirms, one a line
//   … --ele-sql FILE   also compare with a finance system's ELE_BUDGET_SUBJECT insert script (an
//                      earlier edition's list: a same name there is reported apart, never counted as
//                      confirmation of 2024/2025, and a different name is a renaming to review)
// A source of year "older" in evidence.tsv (an older edition's list) is counted apart: the same name at the
// same number there shows the wording is genuine, not that it is current; it never makes a row "missing",
// and a name that differs from it is printed for review without failing.
// A name that only sources of a later year than the list (and than a dated source agreeing with it) print
// otherwise is reported as a possible later renaming, for review, without failing.
// Exits 1 when a name differs or a source row is missing from a list of its year (so it can guard CI).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The published reference lives in shared/, beside the checkout (as tests/helpers/reference.ts reads it).
const REFERENCE = join(root, '..', 'shared', 'reference', '2024-info-center.txt');
const YEARS = [2024, 2025];
const KINDS = ['functional', 'economic'];
const argv = process.argv.slice(2);
const args = new Set(argv);
const eleFiles = argv.flatMap((a, i) => (a === '--ele-sql' && argv[i + 1] ? [argv[i + 1]] : []));

/** code<TAB>name lines, # comments (the same format src/catalog reads). */
function readTsv(file) {
  const m = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [code, name] = line.replace(/\r$/, '').split('\t');
    m.set(code, name.trim());
  }
  return m;
}

// Sources print the same name with half-width brackets or spaces; a name that differs only so is a match.
const norm = (s) => s.normalize('NFKC').replace(/\s+/g, '');

/** The reference's table rows: "208 05 02 事业单位离退休 44.73 …" → 2080502 事业单位离退休. */
function referenceRows() {
  const text = readFileSync(REFERENCE, 'utf8');
  const rows = [];
  for (const line of text.split('\n')) {
    const m = /^(\d{3})((?: \d{2}){0,2}) ([^\d\s][^\s]*)/.exec(line.trim());
    // Tables 1 and 4 also print a 类 after an amount on the line ("… 335.37 202 外交支出").
    for (const c of line.matchAll(/\s(2\d{2}) ([^\d\s]\S*支出)(?=\s|$)/g))
      rows.push({ source: 'REF', year: 2024, kind: 'functional', code: c[1], name: c[2] });
    if (!m) continue;
    const code = m[1] + m[2].replace(/ /g, '');
    const kind = code.startsWith('3') ? 'economic' : 'functional';
    rows.push({ source: 'REF', year: 2024, kind, code, name: m[3] });
  }
  return rows;
}

/** catalog/evidence.tsv: @source lines and pairs; economic-seq rows are names in order under a 类. */
function evidence() {
  const sources = new Map([['REF', { year: 2024, where: 'shared/reference/2024-info-center.txt' }]]);
  const pairs = [];
  const seqs = [];
  for (const line of readFileSync(join(root, 'catalog', 'evidence.tsv'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const f = line.split('\t');
    // An undated source ("-") counts as of an earlier edition than either list.
    if (f[0] === '@source') { sources.set(f[1], { year: f[2] === '-' || f[2] === 'older' ? 0 : Number(f[2]), older: f[2] === 'older', where: f[3], what: f[4] }); continue; }
    const [source, list, code, name] = f;
    const year = sources.get(source)?.year;
    if (year === undefined) throw new Error(`evidence.tsv: unknown source ${source}`);
    const older = sources.get(source).older;
    if (list === 'economic-seq') seqs.push({ source, year, kind: 'economic', cls: code, names: name.split('|') });
    else pairs.push({ source, year, kind: list, code, name, older });
  }
  return { sources, pairs, seqs };
}

/** A sequence source confirms a 款 whose name comes at the same place in the 类's ordered 款. */
function seqPairs(seqs, list) {
  const out = [];
  for (const s of seqs) {
    const kuan = [...list.keys()].filter((c) => c.length === 5 && c.startsWith(s.cls)).sort();
    // Walk both in order: each source name must be found, in order, among the catalog's 款 names.
    let i = 0;
    for (const name of s.names) {
      while (i < kuan.length && norm(list.get(kuan[i])) !== norm(name)) i++;
      if (i < kuan.length) out.push({ source: s.source, year: s.year, kind: s.kind, code: kuan[i++], name, bySequence: true });
      else out.push({ source: s.source, year: s.year, kind: s.kind, code: `${s.cls}??`, name, bySequence: true, unplaced: true });
    }
  }
  return out;
}

/** chr_code → chr_name of ELE_BUDGET_SUBJECT inserts (UTF-8 or GBK). Such systems suffix the shared
 *  names of a 款's first items with the 款 (行政运行（人大）); that suffix is dropped. */
function eleSubjects(file) {
  const bytes = readFileSync(file);
  let text;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = new TextDecoder('gbk').decode(bytes); }
  const out = new Map();
  for (const m of text.matchAll(/insert into ELE_BUDGET_SUBJECT \(([^)]*)\)\s*values \((.*?)\);/gs)) {
    const cols = m[1].split(',').map((c) => c.trim().toLowerCase());
    const vals = [...m[2].matchAll(/\s*(?:'((?:[^']|'')*)'|([^,]*?))\s*(?:,|$)/g)].map((v) => v[1] ?? v[2]);
    const row = Object.fromEntries(cols.map((c, i) => [c, vals[i]]));
    const name = row.chr_name.replace(/\s+/g, '').replace(/^(行政运行|一般行政管理事务|机关服务|事业运行|信息化建设|参政议政|机构运行|信息管理|行业监管)（.*）$/, '$1');
    out.set(row.chr_code, name);
  }
  return out;
}
const earlier = new Map(eleFiles.flatMap((f) => [...eleSubjects(f)]));

const { sources, pairs, seqs } = evidence();
const ref = referenceRows();
let bad = 0;

for (const kind of KINDS)
  for (const year of YEARS) {
    const file = `${kind}-${year}.tsv`;
    const list = readTsv(join(root, 'catalog', file));
    // A source of a later year than the edition may show a code set up later: only sources of the
    // same year or earlier count as "missing from the list"; any year counts for a matching name.
    const allPairs = [...ref, ...pairs, ...seqPairs(seqs, list)].filter((p) => p.kind === kind);
    const all = allPairs.filter((p) => !p.older);
    const olderPairs = allPairs.filter((p) => p.older);
    const byCode = new Map();
    for (const p of all) (byCode.get(p.code) ?? byCode.set(p.code, []).get(p.code)).push(p);

    const status = new Map();
    const differs = [];
    const renamedLater = [];
    for (const [code, name] of list) {
      const ps = byCode.get(code) ?? [];
      const agree = ps.filter((p) => norm(p.name) === norm(name));
      let disagree = ps.filter((p) => norm(p.name) !== norm(name));
      // A later edition may rename a code: when every source printing another name is of a later year
      // than the list and than a dated source that agrees, that is reported for review, not as a wrong name.
      const firstOther = Math.min(...disagree.map((p) => p.year));
      if (disagree.length && firstOther > year && agree.some((p) => p.year > 0 && p.year < firstOther)) {
        renamedLater.push({ code, name, seen: disagree.map((p) => `${p.source} ${p.year}:${p.name}`) });
        disagree = [];
      }
      if (disagree.length) differs.push({ code, name, seen: disagree.map((p) => `${p.source}:${p.name}`) });
      const srcs = [...new Set(agree.map((p) => p.source))];
      status.set(code, { name, srcs, disagree: disagree.length > 0, byOrderOnly: agree.length > 0 && agree.every((p) => p.bySequence) });
    }
    const sourceOnly = all.filter((p) => !p.unplaced && !list.has(p.code) && p.year <= year);
    const unplaced = all.filter((p) => p.unplaced);
    const confirmed = [...status.values()].filter((s) => s.srcs.length && !s.disagree);
    const twice = confirmed.filter((s) => s.srcs.length >= 2);
    const sameYear = [...status.entries()].filter(([c, s]) => s.srcs.length && !s.disagree && all.some((p) => p.code === c && p.year >= year)).length;
    // Rows no current source covers, split by whether an older edition prints the same name at the number.
    const olderSame = new Set(olderPairs.filter((p) => list.has(p.code) && norm(p.name) === norm(list.get(p.code))).map((p) => p.code));
    const olderDiffers = olderPairs.filter((p) => list.has(p.code) && norm(p.name) !== norm(list.get(p.code)));
    const unconfirmed = [...status.entries()].filter(([c, s]) => !s.srcs.length && !olderSame.has(c));
    const olderOnly = [...status.entries()].filter(([c, s]) => !s.srcs.length && olderSame.has(c));

    if (args.has('--unconfirmed')) { for (const [c, s] of unconfirmed) console.log(`${file}\t${c}\t${s.name}`); continue; }
    console.log(`\n${file}: ${list.size} rows`);
    const byOrder = confirmed.filter((s) => s.byOrderOnly).length;
    console.log(`  matched by a source:          ${confirmed.length} (by two or more independent sources: ${twice.length}; by a source of ${year} or later: ${sameYear}; ` +
      `by a name sequence only, the number from its place: ${byOrder})`);
    console.log(`  name differs from a source:   ${differs.length}`);
    for (const d of differs) console.log(`    ${d.code} ${d.name}  ≠  ${d.seen.join(', ')}`);
    if (renamedLater.length) console.log(`  named otherwise by a later edition only (renamed later? review; not a failure): ${renamedLater.length}`);
    for (const d of renamedLater) console.log(`    ${d.code} ${d.name}  (later: ${d.seen.join(', ')})`);
    console.log(`  same name in an older edition only (wording genuine, not proof it is current): ${olderOnly.length}`);
    if (olderDiffers.length) console.log(`  name differs from an older edition (review; not a failure): ${olderDiffers.length}`);
    for (const p of olderDiffers) console.log(`    ${p.code} ${list.get(p.code)}  (older edition, ${p.source}: ${p.name})`);
    console.log(`  no source covers the row:     ${unconfirmed.length}`);
    const missing = [...new Map(sourceOnly.map((p) => [p.code, p])).values()];
    console.log(`  in a source, not in the list: ${missing.length}`);
    for (const p of missing) console.log(`    ${p.code} ${p.name} (${p.source}, ${p.year})`);
    if (unplaced.length) {
      console.log(`  sequence names not found in order among the list's 款: ${unplaced.length}`);
      for (const p of unplaced) console.log(`    ${p.code} ${p.name} (${p.source})`);
    }
    if (earlier.size && kind === 'functional') {
      const rows = [...status.entries()].filter(([c]) => earlier.has(c));
      const same = rows.filter(([c, s]) => norm(earlier.get(c)) === norm(s.name));
      const renamed = rows.filter(([c, s]) => norm(earlier.get(c)) !== norm(s.name));
      console.log(`  earlier-edition list (--ele-sql, ${earlier.size} codes): same name ${same.length}, other name ${renamed.length}, ` +
        `code absent there ${status.size - rows.length}; of the rows no source covers, same name there: ${same.filter(([, s]) => !s.srcs.length).length}`);
      if (args.has('--list')) for (const [c, s] of renamed) console.log(`    earlier name: ${c} ${s.name}  (earlier: ${earlier.get(c)})`);
    }
    if (args.has('--list'))
      for (const [c, s] of status) {
        const e = earlier.get(c);
        const mark = kind === 'functional' && e !== undefined ? (norm(e) === norm(s.name) ? ' [same in earlier edition]' : ' [other name in earlier edition]') : '';
        console.log(`    ${s.disagree ? 'DIFFERS' : s.srcs.length ? 'ok     ' : olderSame.has(c) ? 'older  ' : '-      '} ${c}\t${s.name}\t${s.srcs.join(',')}${mark}`);
      }
    bad += differs.length + missing.length + unplaced.length;
  }

if (!args.has('--unconfirmed')) {
  console.log('\nsources:');
  for (const [id, s] of sources) console.log(`  ${id} (${s.older ? 'older edition' : s.year || 'undated'}) ${s.where}${s.what ? ` — ${s.what}` : ''}`);
}
process.exitCode = bad ? 1 : 0;
