// The slips a Chinese keyboard and Excel make, found where the parser or the schema would name
// something else: a full-width colon after a key (the parser says "missing }" or "missing colon"),
// a thousands comma inside `{ }` (the parser reads `9,650.00` as 9 and a key "650.00"). Each is
// said as what it is, at the character to change.
import { isScalar, type Document, type LineCounter, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { eachNode } from './each-node.js';
import type { Finding } from '../findings.js';
import { shown } from './limits.js';
import { pathAt } from './locate.js';

export interface ColonSlip {
  /** Offset of the `：`. */
  at: number;
  key: string;
  line: number;
}

/** A key (a name or a code, quoted or not) at the start of a line or a list item, then `：`. */
const BLOCK_KEY = /^([ \t]*(?:-[ \t]+)*)([A-Za-z_][\w-]*|\d+|"[^"\n]*"|'[^'\n]*')[ \t]*：/gm;
/** The same key inside `{ }`, after `{` or `,`. */
const FLOW_KEY = /([{,][ \t]*)([A-Za-z_][\w-]*|\d+)[ \t]*：/g;

/** Ranges of the plain-scalar map keys that hold a `：`: what a full-width colon in `{ }` becomes. */
function keysWithColon(doc: Document.Parsed): [number, number][] {
  const ranges: [number, number][] = [];
  eachNode(doc, {
    Pair(pair: Pair) {
      const key = pair.key;
      if (isScalar(key) && key.type === 'PLAIN' && key.range && String(key.source ?? key.value).includes('：')) ranges.push([key.range[0], key.range[1]]);
    },
  });
  return ranges;
}

/**
 * Full-width colons after a key: at the start of a line when the document failed to parse, and
 * anywhere inside a plain key the parser took whole (`{ general： 40.10 }`). Text values keep theirs.
 */
export function fullWidthColons(source: string, doc: Document.Parsed, lineCounter: LineCounter, failed: boolean): ColonSlip[] {
  if (!source.includes('：')) return [];
  const found = new Map<number, ColonSlip>();
  const add = (at: number, key: string) => found.set(at, { at, key, line: lineCounter.linePos(at).line });
  const inKeys = keysWithColon(doc);
  // Keys come in document order: a binary search keeps a file of 10⁵ such keys linear-logarithmic.
  const inKey = (at: number) => {
    let lo = 0;
    let hi = inKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inKeys[mid]![0] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && at < inKeys[lo - 1]![1];
  };
  for (const m of source.matchAll(BLOCK_KEY)) {
    const at = m.index + m[0].length - 1;
    if (failed || inKey(at)) add(at, m[2]!);
  }
  if (inKeys.length > 0) {
    for (const m of source.matchAll(FLOW_KEY)) {
      const at = m.index + m[0].length - 1;
      if (inKey(at)) add(at, m[2]!);
    }
  }
  return [...found.values()].sort((a, b) => a.at - b.at);
}

/** The source with each slip's `：` made `:`, one character for one so that every position holds. */
export function withColons(source: string, slips: readonly ColonSlip[]): string {
  let out = '';
  let from = 0;
  for (const { at } of slips) {
    out += `${source.slice(from, at)}:`;
    from = at + 1;
  }
  return out + source.slice(from);
}

export function colonFinding(slip: ColonSlip, doc: Document.Parsed, lineCounter: LineCounter, file?: string): Finding {
  const { line, col } = lineCounter.linePos(slip.at);
  const key = shown(slip.key);
  return {
    code: 'FULLWIDTH_COLON',
    severity: 'error',
    message: `键 ${key} 后用了全角冒号“：”，请改为半角冒号“:”加空格（如 ${key}: 取值）。 A full-width colon "：" follows the key ${key}: type an ASCII colon and a space instead ("${key}: value").`,
    path: pathAt(doc, slip.at - 1) || pathAt(doc, slip.at),
    file,
    pos: { line, col, start: slip.at, end: slip.at + 1 },
  };
}

const GROUP = /^\d{3}(\.\d+)?$/;

function plain(node: unknown): node is Scalar {
  return isScalar(node) && node.type === 'PLAIN' && !!node.range;
}

export interface CommaSlip {
  /** Range of the figure as written, `9,650.00`. */
  start: number;
  end: number;
  written: string;
}

/**
 * `{ business: 9,650.00 }`: YAML reads 9 as the value and `650.00` as a key without a value. Such
 * keys (three digits, a comma right before them, no value) are taken out of the mapping, so that
 * the schema says neither "unknown key" nor "wrong code", and the figure is returned whole.
 */
export function thousandsInFlow(source: string, doc: Document.Parsed): CommaSlip[] {
  const slips: CommaSlip[] = [];
  eachNode(doc, {
    Map(map: YAMLMap) {
      if (!map.flow) return;
      const kept: typeof map.items = [];
      for (let i = 0; i < map.items.length; i++) {
        kept.push(map.items[i]!);
        const value = map.items[i]!.value;
        if (!plain(value) || !/^[+-]?\d{1,3}$/.test(String(value.source))) continue;
        let end = value.range![1];
        let j = i + 1;
        for (; j < map.items.length; j++) {
          const { key, value: v } = map.items[j]!;
          const empty = v === null || (isScalar(v) && v.value === null && (!v.range || v.range[0] === v.range[1]));
          if (!plain(key) || !empty || !GROUP.test(String(key.source)) || source[end] !== ',' || key.range![0] !== end + 1) break;
          end = key.range![1];
          if (String(key.source).includes('.')) {
            j++;
            break;
          }
        }
        if (j === i + 1) continue;
        slips.push({ start: value.range![0], end, written: source.slice(value.range![0], end) });
        i = j - 1; // the fragments are dropped
      }
      // One new list rather than a splice per figure: a hostile `{ a: 1,234, b: 1,234, … }` stays linear.
      if (kept.length < map.items.length) map.items = kept;
    },
  });
  return slips;
}

export function commaFinding(slip: CommaSlip, doc: Document.Parsed, lineCounter: LineCounter, file?: string): Finding {
  const { line, col } = lineCounter.linePos(slip.start);
  const path = pathAt(doc, slip.start);
  const digits = slip.written.replaceAll(',', '');
  return {
    code: 'NOT_A_NUMBER',
    severity: 'error',
    message: `${path} 金额 ${slip.written} 含千位分隔逗号（Excel 的格式），在 { } 中逗号会把它拆成两项：请写为 ${digits}。 The amount ${slip.written} has a thousands separator, which splits it in two inside { }: write ${digits}.`,
    path,
    file,
    pos: { line, col, start: slip.start, end: slip.end },
  };
}
