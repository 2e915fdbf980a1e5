// YAML text → typed data, with every finding positioned in the source.
import { LineCounter, parseDocument, type Document } from 'yaml';
import { hasErrors, type Finding } from '../findings.js';
import type { DisclosureData } from '../model.js';
import { dataSchema } from './data-schema.js';
import { pathAt } from './locate.js';
import { mergeSharedCatalog } from './shared-catalog.js';
import { UNCONFIRMED_TAG, type Ctx, type DraftMark } from './schema.js';

/** A data file larger than this is refused unread: no budget unit's data comes near it. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

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

/** Flow collections nested deeper than this are refused: the parser's regexps blow up on ~10⁵ levels. */
const MAX_FLOW_DEPTH = 100;

export function tooLarge(file?: string): Finding {
  const mb = (MAX_SOURCE_BYTES / 1024 / 1024).toFixed(0);
  return atStart('FILE_TOO_LARGE', `数据文件超过 ${mb} MB，未读取。 The data file is larger than ${mb} MB and was not read.`, file);
}

function notText(file: string | undefined, why: string): Finding {
  return atStart('NOT_TEXT', `数据文件不是 UTF-8 文本（${why}）；如为 GBK 等编码，请另存为 UTF-8。 The data file is not UTF-8 text.`, file);
}

/** Offset where `[` / `{` nesting (outside quotes and comments) first passes `limit`, or -1: a cheap scan before parsing. */
function tooDeep(source: string, limit: number): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote && source[i - 1] !== '\\') quote = '';
      else if (c === '\n' && quote === "'") quote = '';
    } else if (c === '"' || c === "'") {
      if (depth > 0) quote = c;
    } else if (c === '#') {
      const eol = source.indexOf('\n', i);
      i = eol < 0 ? source.length : eol;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return -1;
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
  const lineCounter = new LineCounter();
  const ctx: Ctx = { findings: [], lineCounter, file, unconfirmed: [], placeholders: [] };
  if (source.trim() === '') {
    ctx.findings.push({ code: 'EMPTY_FILE', severity: 'error', message: '数据文件为空。 The data file is empty.', path: '', file, pos: { line: 1, col: 1, start: 0, end: 0 } });
    return { file, source, findings: ctx.findings };
  }
  const deep = tooDeep(source, MAX_FLOW_DEPTH);
  if (deep >= 0) {
    const lineStart = source.lastIndexOf('\n', deep) + 1;
    const [line, col] = [source.slice(0, lineStart).split('\n').length, deep - lineStart + 1];
    ctx.findings.push({
      code: 'YAML_SYNTAX', severity: 'error', path: '', file, pos: { line, col, start: deep, end: deep + 1 },
      message: `YAML 语法错误：[ ] 或 { } 嵌套超过 ${MAX_FLOW_DEPTH} 层，无法解析。 Flow collections are nested more than ${MAX_FLOW_DEPTH} deep.`,
    });
    return { file, source, findings: ctx.findings };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (cause) {
    // The parser recurses: absurdly deep nesting exhausts the stack rather than yielding an error.
    ctx.findings.push(atStart('YAML_SYNTAX', `YAML 无法解析（嵌套过深或结构异常）。 The YAML cannot be parsed: ${(cause as Error).message}`, file));
    return { file, source, findings: ctx.findings };
  }
  const tagWarning = (e: { code: string; message: string }) => e.code === 'TAG_RESOLVE_FAILED' && KNOWN_TAGS.some((t) => e.message.includes(`tag: ${t}`));
  const reported = new Set<string>();
  for (const e of [...doc.errors, ...doc.warnings.filter((w) => !tagWarning(w))]) {
    const [start, end] = e.pos;
    if (reported.has(`${start}`)) continue; // one error per place: the parser can say a thing twice
    reported.add(`${start}`);
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
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return { file, source, findings: ctx.findings };
  if (doc.contents === null) {
    ctx.findings.push(atStart('EMPTY_FILE', '数据文件没有数据（只有注释或空文档）。 The data file holds no data.', file));
    return { file, source, findings: ctx.findings, doc, lineCounter };
  }
  const data = dataSchema.parse(doc.contents, ctx, '');
  if (data && !hasErrors(ctx.findings)) mergeSharedCatalog(data, file, ctx);
  return {
    file, source, data: hasErrors(ctx.findings) ? undefined : data, findings: ctx.findings, doc, lineCounter,
    unconfirmed: ctx.unconfirmed, placeholders: ctx.placeholders,
  };
}
