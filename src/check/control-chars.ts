// Control characters in a text: an escape sequence, a carriage return, a form feed, a NEL pasted from
// a terminal or an old system. A document cannot show them, and in a style sheet, a Markdown line or
// a terminal they would act rather than show, so every text refuses them, tab and line feed excepted.
// (The output escapes still show any that reach them visibly, as `\x1b`: see render/escape.ts.)
import type { Finding } from '../findings.js';
import { visibleControl } from '../render/escape.js';
import { finding, type Rule } from './context.js';
import { scalars } from './walk.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export const controlCharacters: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const { path, node } of scalars(ctx)) {
    if (typeof node.value !== 'string') continue;
    const found = [...new Set(node.value.match(CONTROL) ?? [])];
    if (!found.length) continue;
    const shown = found.slice(0, 5).map(visibleControl).join(' ');
    const f = finding(ctx, 'CONTROL_CHARACTER', 'error',
      `${path} 含有控制字符 ${shown}（回车、换页、转义序列等），文档无法显示，请删去。 ` +
        `${path} contains the control character(s) ${shown}; remove them.`, path);
    // Point at the first one when it is typed as is (in a double-quoted text it may be an escape like \e).
    const range = node.range;
    const at = range ? ctx.source.slice(range[0], range[1]).search(CONTROL) : -1;
    if (range && at >= 0 && ctx.lineCounter) {
      const { line, col } = ctx.lineCounter.linePos(range[0] + at);
      f.pos = { line, col, start: range[0] + at, end: range[0] + at + 1 };
    }
    out.push(f);
  }
  return out;
};
