// The PDF's metadata takes its words from the HTML the layout template wrote, its date from the data.
import { expect, it } from 'vitest';
import { pdfMeta } from '../src/build.js';
import type { View } from '../src/index.js';

it('reads title, author, subject and keywords from the layout and decodes entities', () => {
  const html = '<title>某&amp;某中心2024年单位预算公开</title>\n<meta name="author" content="某&amp;某&quot;中心&quot;">\n' +
    '<meta name="description" content="2024年单位预算公开">\n<meta name="keywords" content="单位预算公开,2024年,某&amp;某中心">';
  const view = { unit: { year: 2024, published: { iso: '2024-03-01' } } } as unknown as View;
  expect(pdfMeta(view, html)).toEqual({
    title: '某&某中心2024年单位预算公开',
    author: '某&某"中心"',
    subject: '2024年单位预算公开',
    keywords: ['单位预算公开', '2024年', '某&某中心'],
    date: new Date('2024-02-29T16:00:00Z'),
    lang: 'zh-CN',
  });
});
