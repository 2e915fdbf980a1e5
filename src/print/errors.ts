/** Error codes of the print stage, so callers branch on `code`, not on wording. */
export type PrintErrorCode = 'BROWSER_NOT_FOUND' | 'PRINT_FAILED';

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
