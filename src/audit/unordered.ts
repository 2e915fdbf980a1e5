// A table whose cells the source gives out of row order (plain `pdftotext`): one finding for the table
// instead of hundreds of sums that fail only because figures were matched to the wrong rows. Audit
// reads no figure from it — no sums, no comparison with other tables or with Part 3's text.
import type { PublishedTable } from '../published/model.js';
import type { Report } from './finding.js';

export function unorderedTables(tables: readonly PublishedTable[], report: Report): void {
  for (const t of tables) {
    if (!t.unordered) continue;
    const { orphans, figureLines } = t.unordered;
    report({
      page: t.page,
      line: t.line,
      quote: t.title,
      code: 'AUDIT_TABLE_UNORDERED',
      severity: 'warning',
      message:
        `第 ${t.page} 页表 ${t.no}（${t.title}）：文本中此表的格子不按行排列（${figureLines} 行数字中有 ${orphans} 行不跟在行名之后，多见于不带 -layout 的 pdftotext），无法知道数字属于哪一行，未核对此表的合计、与其他表及与文字的对应；请审核 PDF 本身，或用 pdftotext -layout 提取的文本。` +
        ` Table ${t.no} (page ${t.page}): the text gives this table's cells out of row order (${orphans} of ${figureLines} lines of figures follow no row label, as plain pdftotext without -layout gives), so its sums and its agreement with other tables and the text are not checked; audit the PDF itself or text extracted with pdftotext -layout.`,
    });
  }
}

/** The tables audit reads figures from. */
export function ordered(tables: readonly PublishedTable[]): PublishedTable[] {
  return tables.filter((t) => !t.unordered);
}
