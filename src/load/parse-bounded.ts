// YAML text → document, with the parser itself bounded: nesting and the number of tokens are
// counted on the parser's own tokens as it goes, so that a hostile file (4.5 million `[` behind an
// escaped quote or a `#`, `- - - - …`, a one-line list of a million items, a million stray `]`) is
// stopped at the token that passes the limit, before memory grows — no guess from a separate scan.
import { Composer, CST, isScalar, Lexer, Parser, YAMLParseError, type Document, type LineCounter } from 'yaml';
import { eachNode } from './each-node.js';
import { MAX_DEPTH, MAX_TOKENS } from './limits.js';

export class LimitExceeded extends Error {
  constructor(
    readonly limit: 'depth' | 'tokens',
    /** Offset of the token that passed the limit. */
    readonly offset: number,
  ) {
    super(`YAML ${limit} limit exceeded at offset ${offset}`);
  }
}

/** Lexemes that are layout, not content: not counted. */
const LAYOUT = new Set(['space', 'newline', 'comment', 'doc-mode']);

/** Backslashes in a lexeme: each escape of a double-quoted string may yield its own parse error. */
function escapes(lexeme: string): number {
  let n = 0;
  for (let i = lexeme.indexOf('\\'); i >= 0; i = lexeme.indexOf('\\', i + 2)) n++;
  return n;
}

/**
 * `parseDocument` of the `yaml` package, driven token by token: throws LimitExceeded when nesting
 * passes MAX_DEPTH or the tokens pass MAX_TOKENS. Later documents in the stream are dropped, with
 * a MULTIPLE_DOCS error as `parseDocument` gives.
 */
export function parseBounded(source: string, lineCounter: LineCounter): Document.Parsed {
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens() {
    lineCounter.addNewLine(0);
    let count = 0;
    for (const lexeme of new Lexer().lex(source)) {
      const at = parser.offset;
      const type = CST.tokenType(lexeme);
      // Every key, value, indicator and stray character counts, as each may cost a node or an error.
      if (!LAYOUT.has(type ?? '')) count += type === 'double-quoted-scalar' ? 1 + escapes(lexeme) : 1;
      if (count > MAX_TOKENS) throw new LimitExceeded('tokens', at);
      yield* parser.next(lexeme);
      // The stack holds the document, then each open collection, then a scalar being read.
      if (parser.stack.length - 1 > MAX_DEPTH) throw new LimitExceeded('depth', at);
    }
    yield* parser.end();
  }
  // The parser's own duplicate-key check compares each key with every earlier one: quadratic in a
  // mapping of 10⁵ keys. Ours below is linear.
  const composer = new Composer({ uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  // The parser's errors are Error objects: without stack traces, a file of 10⁶ stray `]` costs no more than any other.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  // The parser and composer read `process.env.LOG_TOKENS` / `LOG_STREAM` at every token, and each read
  // of the real environment is a call into the system: a third of the parse. While parsing
  // (synchronous, so nothing else sees it) the two are plain properties of the same values, over
  // the real environment for any other name.
  const env = process.env;
  process.env = Object.assign(Object.create(env) as NodeJS.ProcessEnv, { LOG_TOKENS: env.LOG_TOKENS, LOG_STREAM: env.LOG_STREAM });
  try {
    for (const next of composer.compose(tokens(), true, source.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
        break;
      }
    }
    duplicateKeys(doc!);
  } finally {
    process.env = env;
    Error.stackTraceLimit = stackTraceLimit;
  }
  return doc!;
}

/** DUPLICATE_KEY errors as the parser gives them with `uniqueKeys: true`, found with a Set per mapping. */
function duplicateKeys(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  eachNode(doc, {
    Map(map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (!seen.has(id)) seen.add(id);
        else if (key.range) found.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    },
  });
  if (found.length === 0) return;
  for (const e of found) doc.errors.push(e);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
