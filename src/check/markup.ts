// HTML in a text field: it is shown as typed (escaped), never run, but it is almost always a paste
// from a web page or a word processor, so say so.
import type { Finding } from '../findings.js';
import { finding, type Rule } from './context.js';
import { scalars } from './walk.js';

const MARKUP = /<\/?[a-zA-Z][\w:-]*(?:\s[^<>]*)?\/?>|<!--|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/;

export const markupInText: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const { path, node } of scalars(ctx)) {
    if (typeof node.value !== 'string') continue;
    const m = MARKUP.exec(node.value);
    if (!m) continue;
    out.push(finding(ctx, 'MARKUP_IN_TEXT', 'warning',
      `${path} 含有 HTML 标记“${m[0].slice(0, 40)}”：公开文本将按原样显示这些字符，不会作为网页代码执行；如系从网页或文档粘贴，请删去。 ` +
        `${path} contains HTML markup; it will be shown as typed, not interpreted.`, path));
  }
  return out;
};
