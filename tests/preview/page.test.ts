// The served copy: where the panel, the font link and the script go, and that data text in the panel
// is text.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { panel, previewPage, type PageState } from '../../src/preview/page.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  code: 'NOT_A_NUMBER',
  severity: 'error',
  message: 'budget[2].basic.general 应为金额数字（万元），实为 "</style><script>x()</script>"。',
  path: 'budget[2].basic.general',
  pos: { line: 35, col: 23, start: 0, end: 0 },
  ...over,
});

const state = (over: Partial<PageState> = {}): PageState => ({ findings: [], version: 'v-1', file: 'unit.yaml', ...over });

describe('previewPage', () => {
  it('puts the panel after the real <body>, not after one a CSS comment names', () => {
    const html = '<!doctype html><html><head><style>/* not from <body> */ p {}</style></head><body class="x"><main>文</main></body></html>';
    const page = previewPage(state({ html }), 'N0NCE', '/fonts/faces.css');
    expect(page).toContain('/* not from <body> */ p {}</style>');
    expect(page.indexOf('<aside id="yusuan-preview"')).toBeGreaterThan(page.indexOf('<body class="x">'));
    expect(page.indexOf('<link rel="stylesheet" href="/fonts/faces.css">')).toBeLessThan(page.indexOf('</head>'));
    expect(page).toMatch(/<script nonce="N0NCE">[^<]*"v-1"[^<]*<\/script>\n<\/body><\/html>$/);
  });

  it('shows a page with the panel alone before the data first builds', () => {
    const page = previewPage(state({ findings: [finding()] }), 'N', '/f.css');
    expect(page).toContain('unit.yaml:35:23');
    expect(page).toContain('The document appears here once the data has no errors');
    expect(page.match(/<script\b/g)).toHaveLength(1);
  });
});

describe('panel', () => {
  it('escapes data text and names file:line:col', () => {
    const html = panel(state({ findings: [finding({ file: 'a<b>.yaml' })], html: '<p>old</p>' }));
    expect(html).toContain('a&lt;b&gt;.yaml:35:23');
    expect(html).toContain('&quot;&lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;&quot;');
    expect(html).not.toMatch(/<script|<\/style|<b>/);
    expect(html).toContain('Below is the last document built without errors');
  });

  it('folds notes away and says so when nothing is wrong', () => {
    const notes = panel(state({ findings: [finding({ severity: 'note', code: 'ROUNDING_NOTE' })] }));
    expect(notes).toContain('class="yusuan-ok"');
    expect(notes).toMatch(/<details><summary>1 个提示 notes<\/summary>/);
    expect(panel(state())).toContain('没有问题 No problems');
  });
});
