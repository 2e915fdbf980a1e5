// YAML text → typed data, with every finding positioned in the source.
import { LineCounter, type Document } from 'yaml';
import { hasErrors, type Finding } from '../findings.js';
import type { DisclosureData } from '../model.js';
import { dataSchema } from './data-schema.js';
import { MAX_DEPTH, MAX_FINDINGS, MAX_LINES, MAX_SOURCE_BYTES, MAX_TOKENS } from './limits.js';
import { pathAt } from './locate.js';
import { mergeSharedCatalog } from './shared-catalog.js';
import { LimitExceeded, parseBounded } from './parse-bounded.js';
import { colonFinding, commaFinding, fullWidthColons, thousandsInFlow, withColons } from './slips.js';
import { yuanAmounts } from './yuan.js';
import { UNCONFIRMED_TAG, type Ctx, type DraftMark } from './schema.js';

export { MAX_SOURCE_BYTES } from './limits.js';

export interface Loaded {
  file?: string;
  source: string;
  /** Present only when the file loaded without errors. */
  data?: DisclosureData;
  findings: Finding[];
  /** The parsed YAML document and its line index, kept so that checks can point at any node. */
  doc?: Document.Parsed;
  lineCounter?: LineCounter;
  /** A draft's figures still tagged `!unconfirmed`, by key path. */
  unconfirmed?: DraftMark[];
  /** Values still holding a `【待填写：…】` placeholder, by key path. */
  placeholders?: DraftMark[];
}

/** YAML's own warnings that are not problems here: `!unconfirmed` marks a draft figure (see check/placeholders). */
const KNOWN_TAGS = [UNCONFIRMED_TAG];

function atStart(code: string, message: string, file?: string): Finding {
  return { code, severity: 'error', message, path: '', file, pos: { line: 1, col: 1, start: 0, end: 0 } };
}

/** The parser's error codes, worded for a finance officer. */
const YAML_ERRORS: Record<string, string> = {
  BAD_INDENT: '缩进不一致：同一层的键须对齐，下一层须多缩进',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  MISSING_CHAR: '缺少配对的符号（] } " 或 \'）',
  UNEXPECTED_TOKEN: '此处有多余或意外的字符',
  BLOCK_AS_IMPLICIT_KEY: '键不能跨行：可能是上一行缺少冒号，或缩进有误',
  MULTILINE_IMPLICIT_KEY: '键不能跨行：可能是上一行缺少冒号，或缩进有误',
  BAD_SCALAR_START: '取值不能以此字符开头，请给取值加引号',
  BAD_DQ_ESCAPE: '双引号字符串中的转义（\\）不正确',
  MULTIPLE_DOCS: '文件中只能有一个 YAML 文档（不要用 --- 分隔多份数据）',
  BLOCK_IN_FLOW: '方括号或花括号内不能换行缩进',
  KEY_OVER_1024_CHARS: '键超过 1024 个字符',
  BAD_ALIAS: '别名（*名称）用法不正确',
  ALIAS_PROPS: '别名（*名称）不能带标签或锚点',
  MULTIPLE_ANCHORS: '一个节点只能有一个锚点（&名称）',
  MULTIPLE_TAGS: '一个节点只能有一个标签（!标签）',
  TAG_RESOLVE_FAILED: '不认识的标签（!标签）',
  BAD_DIRECTIVE: '不认识的指令（%）',
  BAD_PROP_ORDER: '锚点和标签须写在取值之前',
  NON_STRING_KEY: '键须为文字或数字',
};

export function tooLarge(file?: string): Finding {
  const mb = (MAX_SOURCE_BYTES / 1024 / 1024).toFixed(0);
  return atStart('FILE_TOO_LARGE', `数据文件超过 ${mb} MB，未读取。 The data file is larger than ${mb} MB and was not read.`, file);
}

function notText(file: string | undefined, why: string): Finding {
  return atStart('NOT_TEXT', `数据文件不是 UTF-8 文本（${why}）；如为 GBK 等编码，请另存为 UTF-8。 The data file is not UTF-8 text.`, file);
}

/** Offset of the start of line `MAX_LINES + 1`, or -1 when the source has no more lines than that. */
function pastLastLine(source: string): number {
  let at = -1;
  for (let n = 0; n < MAX_LINES; n++) {
    at = source.indexOf('\n', at + 1);
    if (at < 0) return -1;
  }
  return at + 1 < source.length ? at + 1 : -1;
}

function limitAt(source: string, offset: number, message: string, file?: string): Finding {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = source.indexOf('\n'); i >= 0 && i < lineStart; i = source.indexOf('\n', i + 1)) line++;
  return { code: 'LIMIT_EXCEEDED', severity: 'error', message, path: '', file, pos: { line, col: offset - lineStart + 1, start: offset, end: offset + 1 } };
}

const LIMIT_MESSAGES = {
  lines: `数据文件超过 ${MAX_LINES} 行，未继续读取。 The data file has more than ${MAX_LINES} lines.`,
  depth: `嵌套超过 ${MAX_DEPTH} 层（映射、列表、[ ] 或 { }），未继续读取。 Nesting deeper than ${MAX_DEPTH} levels.`,
  tokens: `数据文件的键、取值和符号超过 ${MAX_TOKENS} 个，未继续读取。 The data file holds more than ${MAX_TOKENS} YAML tokens.`,
};

/** The findings, and one more saying how many were left out past MAX_FINDINGS. */
function withOmitted(ctx: Ctx): Finding[] {
  if (!ctx.omitted) return ctx.findings;
  const n = ctx.omitted.count;
  return [...ctx.findings, {
    code: 'LIMIT_EXCEEDED', severity: 'error', path: '', file: ctx.file, pos: ctx.omitted.pos,
    message: `另有 ${n} 个问题未列出（每个文件最多列出 ${MAX_FINDINGS} 个）：请先改正以上问题。 ${n} more problems not listed (at most ${MAX_FINDINGS} per file).`,
  }];
}

/** A finding, made only while under MAX_FINDINGS (making one looks up its key path); past it, counted. */
function add(ctx: Ctx, at: number, finding: () => Finding): void {
  if (ctx.findings.length < MAX_FINDINGS) ctx.findings.push(finding());
  else {
    ctx.omitted ??= { count: 0, pos: { ...ctx.lineCounter.linePos(at), start: at, end: at + 1 } };
    ctx.omitted.count++;
  }
}

/** Bytes as read from disk: refused when too large, not UTF-8 or binary; a UTF-8 BOM is dropped. */
export function loadBytes(bytes: Uint8Array, file?: string): Loaded {
  if (bytes.length > MAX_SOURCE_BYTES) return { file, source: '', findings: [tooLarge(file)] };
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { file, source: '', findings: [notText(file, '含有无效的 UTF-8 字节')] };
  }
  return loadText(source, file);
}

export function loadText(source: string, file?: string): Loaded {
  if (source.length > MAX_SOURCE_BYTES) return { file, source: '', findings: [tooLarge(file)] };
  if (source.includes('\u0000')) return { file, source: '', findings: [notText(file, '含有空字符，应为二进制文件')] };
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  // Line breaks of old Mac files: YAML reads a lone CR as a line break, the parser does not.
  // One character for one, so every offset and position stays as it was.
  if (source.includes('\r') && !source.includes('\n')) source = source.replaceAll('\r', '\n');
  let lineCounter = new LineCounter();
  const ctx: Ctx = { findings: [], lineCounter, file, unconfirmed: [], placeholders: [] };
  if (source.trim() === '') {
    ctx.findings.push({ code: 'EMPTY_FILE', severity: 'error', message: '数据文件为空。 The data file is empty.', path: '', file, pos: { line: 1, col: 1, start: 0, end: 0 } });
    return { file, source, findings: ctx.findings };
  }
  const tooLong = pastLastLine(source);
  if (tooLong >= 0) return { file, source, findings: [limitAt(source, tooLong, LIMIT_MESSAGES.lines, file)] };
  let doc: Document.Parsed;
  // Lines whose parse errors come from a full-width colon, said once as that.
  const colonLines = new Set<number>();
  try {
    doc = parseBounded(source, lineCounter);
    const colons = fullWidthColons(source, doc, lineCounter, doc.errors.some((e) => e.code !== 'DUPLICATE_KEY'));
    if (colons.length > 0) {
      // Read on as if each were `:` (same length, same positions), so that every other problem is reported too.
      lineCounter = ctx.lineCounter = new LineCounter();
      doc = parseBounded(withColons(source, colons), lineCounter);
      for (const slip of colons) {
        add(ctx, slip.at, () => colonFinding(slip, doc, lineCounter, file));
        colonLines.add(slip.line);
      }
    }
  } catch (cause) {
    if (!(cause instanceof LimitExceeded)) throw cause;
    return { file, source, findings: [limitAt(source, cause.offset, LIMIT_MESSAGES[cause.limit], file)] };
  }
  const tagWarning = (e: { code: string; message: string }) => e.code === 'TAG_RESOLVE_FAILED' && KNOWN_TAGS.some((t) => e.message.includes(`tag: ${t}`));
  const reported = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings.filter((w) => !tagWarning(w))]) {
    const [start, end] = e.pos;
    if (reported.has(start)) continue; // one error per place: the parser can say a thing twice
    reported.add(start);
    if (colonLines.has(lineCounter.linePos(start).line)) continue;
    if (ctx.findings.length >= MAX_FINDINGS) {
      ctx.omitted ??= { count: 0, pos: { ...lineCounter.linePos(start), start, end } };
      ctx.omitted.count++;
      continue;
    }
    const { line, col } = lineCounter.linePos(start);
    const duplicate = e.code === 'DUPLICATE_KEY';
    const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const key = duplicate ? /^("[^"\n]*"|'[^'\n]*'|[^:,{}[\]\n#]+?)\s*:/.exec(source.slice(start))?.[1] ?? source.slice(start, end) : '';
    ctx.findings.push({
      code: duplicate ? 'DUPLICATE_KEY' : 'YAML_SYNTAX',
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      message: duplicate
        ? `键 ${key} 重复：同一映射中每个键只能出现一次。 Duplicate key ${key}.`
        : `YAML 语法错误：${YAML_ERRORS[e.code] ?? '无法解析'}。 YAML syntax error: ${detail}`,
      path: pathAt(doc, start),
      file,
      pos: { line, col, start, end: duplicate && key ? start + key.length : end },
    });
  }
  // A duplicate key leaves the document readable: go on, so that every other problem is reported too.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return { file, source, findings: withOmitted(ctx) };
  if (doc.contents === null) {
    ctx.findings.push(atStart('EMPTY_FILE', '数据文件没有数据（只有注释或空文档）。 The data file holds no data.', file));
    return { file, source, findings: ctx.findings, doc, lineCounter };
  }
  for (const slip of thousandsInFlow(source, doc)) add(ctx, slip.start, () => commaFinding(slip, doc, lineCounter, file));
  const data = dataSchema.parse(doc.contents, ctx, '');
  for (const f of yuanAmounts(doc, lineCounter, file)) add(ctx, f.pos!.start, () => f);
  if (data && !hasErrors(ctx.findings)) mergeSharedCatalog(data, file, ctx);
  return {
    file, source, data: hasErrors(ctx.findings) ? undefined : data, findings: withOmitted(ctx), doc, lineCounter,
    unconfirmed: ctx.unconfirmed, placeholders: ctx.placeholders,
  };
}
