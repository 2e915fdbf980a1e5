// out/index.html of a batch: every unit of the run with links to its outputs and its finding counts,
// sorted by name. One self-contained file (its style inline, nothing loaded) so it works offline and
// from a copied folder; no date in it, so the same batch gives the same page.
import { basename, extname, join } from 'node:path';
import type { BuildResult } from '../build.js';
import type { Finding, Severity } from '../findings.js';
import { htmlAttribute, htmlText } from '../render/escape.js';

export const INDEX_PAGE = 'index.html';

const count = (findings: readonly Finding[], severity: Severity) => findings.filter((f) => f.severity === severity).length;

/** The unit's name as its outputs are named: the data file's name without `.yaml`. */
export function unitName(file: string): string {
  return basename(file, extname(file));
}

export function indexPage(results: readonly BuildResult[], title = '单位预算公开 Unit budget disclosures'): string {
  // Code-point order, not the locale's: the page is the same on every machine.
  const units = [...results].sort((a, b) => (unitName(a.file) < unitName(b.file) ? -1 : unitName(a.file) > unitName(b.file) ? 1 : a.file < b.file ? -1 : 1));
  const failed = units.filter((r) => r.outputs.length === 0).length;
  const rows = units.map((r) => {
    const links = r.outputs
      .map((path) => {
        const name = basename(path);
        const format = extname(name).slice(1);
        return `<a href="${htmlAttribute(encodeURIComponent(name))}">${htmlText(format)}</a>`;
      })
      .join(' ');
    const status = r.outputs.length > 0 ? '<td class="ok">已生成 built</td>' : '<td class="failed">未生成 not built</td>';
    const cells = (['error', 'warning', 'note'] as const).map((s) => {
      const n = count(r.findings, s);
      return `<td class="n${n > 0 ? ` ${s}` : ''}">${n}</td>`;
    });
    return `<tr><td>${htmlText(unitName(r.file))}</td>${status}<td>${links || '—'}</td>${cells.join('')}<td class="file">${htmlText(r.file)}</td></tr>`;
  });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${htmlText(title)}</title>
<style>
body { font-family: "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 2em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: left; }
td.n { text-align: right; }
.failed, .error { color: #b00020; font-weight: bold; }
.warning { color: #8a5a00; }
.file { color: #555; font-size: 0.9em; }
</style>
</head>
<body>
<h1>${htmlText(title)}</h1>
<p>共 ${units.length} 个单位，已生成 ${units.length - failed} 个，未生成 ${failed} 个。 ${units.length} units: ${units.length - failed} built, ${failed} not built.</p>
<table>
<thead><tr><th>单位 Unit</th><th>状态 Status</th><th>文件 Outputs</th><th>错误 Errors</th><th>警告 Warnings</th><th>提示 Notes</th><th>数据文件 Data file</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

export function indexPath(outDir = 'out'): string {
  return join(outDir, INDEX_PAGE);
}
