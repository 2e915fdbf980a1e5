/** Error codes of the print stage, so callers branch on `code`, not on wording. */
export type PrintErrorCode = 'BROWSER_NOT_FOUND' | 'PRINT_FAILED' | 'PDF_TOO_LONG' | 'PDF_TIMEOUT';

/** No usable Chrome/Chromium binary; the message names the fix. */
export class BrowserNotFoundError extends Error {
  readonly code = 'BROWSER_NOT_FOUND' satisfies PrintErrorCode;
  override readonly name = 'BrowserNotFoundError';
}

/** Printing one document failed; `cause` holds the Puppeteer or pdf-lib error. */
export class PrintError extends Error {
  readonly code = 'PRINT_FAILED' satisfies PrintErrorCode;
  override readonly name = 'PrintError';
}

/**
 * The document is past its print budget (PrintBudget): more pages than `maxPages`, or printing took
 * longer than `timeout` seconds. Nothing was printed; the message says which budget and how to raise it.
 */
export class PrintBudgetError extends Error {
  override readonly name = 'PrintBudgetError';
  constructor(
    readonly code: 'PDF_TOO_LONG' | 'PDF_TIMEOUT',
    readonly limit: number,
  ) {
    super(
      code === 'PDF_TOO_LONG'
        ? `PDF 超过 ${limit} 页的页数上限，未打印。确需打印时，请用 --max-pages 提高上限。 The PDF would have more than ${limit} pages, the page budget; nothing was printed. Raise it with --max-pages if the document is meant to be this long.`
        : `打印 PDF 超过 ${limit} 秒的时间上限，已停止。文件很长或机器很忙时，请用 --timeout 提高上限（秒）。 Printing the PDF took longer than ${limit} seconds, the time budget, and was stopped. Raise it with --timeout (seconds) for a long document or a busy machine.`,
    );
  }
}
