// Data text is shown as typed: neither HTML nor Markdown in a text field becomes markup, and a line
// break in it cannot end the paragraph or the table it sits in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compute, loadText, render } from '../src/index.js';
import { REFERENCE_DATA } from './helpers/reference.js';

const reference = readFileSync(REFERENCE_DATA, 'utf8');

function htmlOf(source: string): string {
  const loaded = loadText(source, 'data.yaml');
  expect(loaded.data, JSON.stringify(loaded.findings)).toBeDefined();
  const html = render(compute(loaded.data!)).html;
  return html.slice(html.indexOf('<main'));
}

describe('text fields are shown as typed', () => {
  const markdown = '*推进* 全区 [官网](https://evil.example/) __粗__ `code` a|b';
  const html = htmlOf(
    reference
      .replace('    - 推进全区工信厅系统', `    - "${markdown}"\n    - 推进全区工信厅系统`)
      .replace('      goal: 做好我厅内外网专网', '      goal: "第一段\\n\\n    缩进段 <b>粗</b>\\n# 标题"\n      _goal: 做好我厅内外网专网')
      .replace('\n      _goal:', '\n      # goal:'),
  );

  it('Markdown punctuation makes no link, emphasis or code', () => {
    expect(html).not.toMatch(/<a |<em>|<strong>|<code>/);
    // markdown-it turns the entities back into the literal characters of the paragraph.
    expect(html).toContain(`<p>${markdown}</p>`);
  });

  it('a blank line or an indented line cannot break out of a paragraph or a table', () => {
    expect(html).not.toMatch(/<pre>|<h1>标题/);
    // Inside the performance table (an HTML block) the text keeps its entities.
    expect(html).toContain('第一段缩进段 &lt;b&gt;粗&lt;/b&gt;# 标题');
  });

  it('a paragraph starting with a list or heading marker stays a paragraph', () => {
    const listy = htmlOf(reference.replace('    - 推进全区工信厅系统', '    - "1. 第一项"\n    - "# 标题"\n    - "- 条目"\n    - 推进全区工信厅系统'));
    expect(listy).not.toMatch(/<ol>|<ul>|<h1>标题/);
    expect(listy).toContain('<p>1. 第一项</p>');
    expect(listy).toContain('<p># 标题</p>');
    expect(listy).toContain('<p>- 条目</p>');
  });
});

// The cases of issue 13 (cause 5), each in the field it was found in.
describe('Markdown block syntax in a text field changes nothing around it', () => {
  const count = (html: string) => ({
    headings: html.match(/<h[1-6][ >]/g)?.length,
    tables: html.match(/<table[ >]/g)?.length,
    paragraphs: html.match(/<p[ >]/g)?.length,
    other: html.match(/<(pre|code|hr|s|del|ul|ol|blockquote)[ >]/g)?.length ?? 0,
  });
  const base = count(htmlOf(reference));
  const cases: [string, string, string][] = [
    ['a fence in a paragraph', '    - 推进全区工信厅系统', '    - "~~~"\n    - 推进全区工信厅系统'],
    ['strikethrough', '    - 推进全区工信厅系统', '    - "~~删除~~"\n    - 推进全区工信厅系统'],
    ['four leading spaces', '    - 推进全区工信厅系统', '    - "    代码块"\n    - 推进全区工信厅系统'],
    ['a rule', '    - 推进全区工信厅系统', '    - "---"\n    - 推进全区工信厅系统'],
    ['CR CR heading in table 7', '  - name: 工信厅电子政务运行维护和企业信息化工作经费', '  - name: "工信厅电子政务运行维护和企业信息化工作经费\\r\\r# x"'],
    ['CR CR heading in the performance table', 'name: 信息系统开发应用数量,', 'name: "信息系统开发应用数量\\r\\r# x\\n\\n~~~",'],
  ];
  it.each(cases)('%s', (_, from, to) => {
    const source = reference.replace(from, to);
    expect(source).not.toBe(reference);
    const html = htmlOf(source);
    // A paragraph more where a function was added, nothing else.
    const added = to.includes('\n    - 推进') ? 1 : 0;
    expect(count(html)).toEqual({ ...base, paragraphs: base.paragraphs! + added });
  });
});
