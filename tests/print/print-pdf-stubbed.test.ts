import { PDFDocument } from 'pdf-lib';
import type { Browser, PDFOptions } from 'puppeteer';
import { describe, expect, it, vi } from 'vitest';
import { openPrinter, PrintBudgetError, PrintError, printPdf, type PdfMeta } from '../../src/print/index.js';
import { fewestPages, pdfPageCount } from '../../src/print/print-pdf.js';

const META: PdfMeta = {
  title: '某单位2025年单位预算公开',
  author: '某单位',
  subject: '单位预算公开',
  keywords: ['预算', '公开'],
  date: new Date('2025-02-10T00:00:00Z'),
  lang: 'zh-CN',
};

/**
 * A browser whose one page prints what `pdf` returns; records calls so tests can check the order.
 * The page-budget probe (a print of the one page past the budget) fails as Chromium's does for a
 * document within it, unless `pages` says the document is longer.
 */
function stubBrowser(pdf: () => Promise<Uint8Array>, pages = 1, estimate?: number) {
  const calls: string[] = [];
  const page = {
    setJavaScriptEnabled: vi.fn(async (enabled: boolean) => void calls.push(`javascript:${enabled}`)),
    setRequestInterception: vi.fn(async () => void calls.push('intercept')),
    on: vi.fn(),
    goto: vi.fn(async (url: string) => void calls.push(`goto:${url.slice(0, 'file://'.length)}`)),
    addStyleTag: vi.fn(async () => void calls.push('fonts')),
    // First waitForFonts, then the page estimate (a document whose every character every face draws needs no text runs).
    evaluate: vi.fn(async () => {
      if (!calls.includes('wait-for-fonts')) return void calls.push('wait-for-fonts');
      calls.push('estimate-pages');
      return estimate;
    }),
    emulateMediaType: vi.fn(async (type: string) => void calls.push(`media:${type}`)),
    pdf: vi.fn(async (options: PDFOptions) => {
      if (options.pageRanges !== undefined) {
        calls.push(`probe:${options.pageRanges}`);
        if (Number(options.pageRanges) > pages) throw new Error('Protocol error (Page.printToPDF): Page range exceeds page count');
        return blankPdf();
      }
      calls.push('pdf');
      return pdf();
    }),
  };
  const browser = {
    newPage: vi.fn(async () => page),
    close: vi.fn(async () => void calls.push('close')),
  };
  return { browser, page, calls, launch: async () => browser as unknown as Browser };
}

/** More markup than a page printed whole before its pages are counted (print-pdf.ts SMALL_PAGE). */
const LARGE = `<html><body>${'<p>x</p>'.repeat(30_000)}</body></html>`;

/** A PDF of `n` pages, its objects in compressed streams or not (Chromium's are not). */
async function pagesPdf(n: number, objectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < n; i++) doc.addPage();
  return doc.save({ useObjectStreams: objectStreams });
}

async function blankPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return doc.save();
}

describe('printPdf with a stubbed browser', () => {
  it('disables JavaScript and guards requests before loading, prints, then closes the browser', async () => {
    const stub = stubBrowser(blankPdf);
    const result = await printPdf('<html></html>', { meta: META, launch: stub.launch });
    // A small page is printed whole and its pages counted: no estimate, no probe.
    expect(stub.calls).toEqual(['javascript:false', 'intercept', 'media:print', 'goto:file://', 'wait-for-fonts', 'pdf', 'close']);
    expect(stub.page.pdf).toHaveBeenCalledWith(
      expect.objectContaining({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true }),
    );
    expect(stub.page.pdf.mock.calls[0]?.[0].displayHeaderFooter).toBeFalsy();
    // No timeout of Puppeteer's own: the budget bounds the print.
    expect(stub.page.pdf.mock.calls.map((call) => call[0].timeout)).toEqual([0]);
    expect(result.blockedRequests).toEqual([]);
    expect(result.missingGlyphs).toEqual([]);
  });

  it('measures a large page before printing it: the estimate, then the probe past the budget', async () => {
    const stub = stubBrowser(blankPdf);
    await printPdf(LARGE, { meta: META, launch: stub.launch });
    expect(stub.calls).toEqual(['javascript:false', 'intercept', 'media:print', 'goto:file://', 'wait-for-fonts', 'estimate-pages', 'probe:1001', 'pdf', 'close']);
    expect(stub.page.pdf.mock.calls.map((call) => call[0].timeout)).toEqual([0, 0]);
  });

  it('writes the metadata', async () => {
    const { pdf } = await printPdf('<html></html>', { meta: META, launch: stubBrowser(blankPdf).launch });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe(META.title);
    expect(doc.getAuthor()).toBe(META.author);
    expect(doc.getSubject()).toBe(META.subject);
    expect(doc.getKeywords()).toBe('预算 公开');
    expect(doc.getCreator()).toBe('yusuan');
    expect(doc.getProducer()).toBe('yusuan');
    expect(doc.getCreationDate()).toEqual(META.date);
    expect(doc.getModificationDate()).toEqual(META.date);
  });

  it('closes the browser and names the document when printing fails', async () => {
    const boom = new Error('Protocol error (Page.printToPDF): Printing failed');
    const stub = stubBrowser(() => Promise.reject(boom));
    const error = await printPdf('<html></html>', { meta: META, launch: stub.launch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintError);
    expect(error).toMatchObject({ code: 'PRINT_FAILED', cause: boom });
    expect((error as Error).message).toContain(META.title);
    expect((error as Error).message).toContain(boom.message);
    expect(stub.browser.close).toHaveBeenCalledOnce();
  });

  it('wraps a failed launch', async () => {
    const boom = new Error('spawn EACCES');
    const error = await printPdf('<html></html>', { meta: META, launch: () => Promise.reject(boom) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PRINT_FAILED', cause: boom });
  });

  it('leaves no signal listener behind', async () => {
    const before = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => process.listenerCount(signal));
    await printPdf('<html></html>', { meta: META, launch: stubBrowser(blankPdf).launch });
    await printPdf('<html></html>', { meta: META, launch: stubBrowser(() => Promise.reject(new Error('x'))).launch }).catch(() => {});
    expect(['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => process.listenerCount(signal))).toEqual(before);
  });

  it('refuses a large document past the page budget before printing it, and closes the browser', async () => {
    const stub = stubBrowser(blankPdf, 31);
    const error = await printPdf(LARGE, { meta: META, launch: stub.launch, budget: { maxPages: 30 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintBudgetError);
    expect(error).toMatchObject({ code: 'PDF_TOO_LONG', limit: 30 });
    expect((error as Error).message).toMatch(/PDF 超过 30 页的页数上限.*--max-pages/);
    expect(stub.calls).not.toContain('pdf');
    expect(stub.calls.at(-1)).toBe('close');
  });

  it('skips the probe of a large document only when the page estimate is far inside the budget', async () => {
    const short = stubBrowser(blankPdf, 1, 40);
    await printPdf(LARGE, { meta: META, launch: short.launch, budget: { maxPages: 100 } });
    expect(short.calls).not.toContain('probe:101');
    expect(short.calls).toContain('pdf');
    // 2 × 45 + 10 > 99: the probe decides.
    const near = stubBrowser(blankPdf, 1, 45);
    await printPdf(LARGE, { meta: META, launch: near.launch, budget: { maxPages: 99 } });
    expect(near.calls).toContain('probe:100');
  });

  it('prints a large document of exactly the page budget', async () => {
    const stub = stubBrowser(blankPdf, 30);
    await printPdf(LARGE, { meta: META, launch: stub.launch, budget: { maxPages: 30 } });
    expect(stub.calls).toContain('pdf');
  });

  it('prints a small document whole, with no estimate or probe, and refuses it when its pages pass the budget', async () => {
    for (const objectStreams of [false, true]) {
      const stub = stubBrowser(() => pagesPdf(31, objectStreams));
      const error = await printPdf('<html></html>', { meta: META, launch: stub.launch, budget: { maxPages: 30 } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'PDF_TOO_LONG', limit: 30 });
      expect(stub.calls).toContain('pdf');
      expect(stub.calls.filter((call) => call === 'estimate-pages' || call.startsWith('probe:'))).toEqual([]);
      const exact = stubBrowser(() => pagesPdf(30, objectStreams));
      const printed = await printPdf('<html></html>', { meta: META, launch: exact.launch, budget: { maxPages: 30 } });
      expect(await pdfPageCount(printed.pdf)).toBe(30);
    }
  });

  it('stops at the time budget with its own message, and closes the browser', async () => {
    const stub = stubBrowser(() => new Promise<Uint8Array>(() => {}));
    const started = Date.now();
    const error = await printPdf('<html></html>', { meta: META, launch: stub.launch, budget: { timeout: 0.3 } }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({ code: 'PDF_TIMEOUT', limit: 0.3 });
    expect((error as Error).message).toMatch(/超过 0\.3 秒的时间上限.*--timeout/);
    expect((error as Error).message).not.toMatch(/protocolTimeout/);
    expect(stub.browser.close).toHaveBeenCalledOnce();
  });

  it('refuses a text far past the page budget without starting a browser', async () => {
    const launch = vi.fn(async () => {
      throw new Error('the browser must not be started');
    });
    const html = `<html><head><style>${'x'.repeat(100_000)}</style></head><body><p>${'预&amp;'.repeat(500_001)}</p></body></html>`;
    const error = await printPdf(html, { meta: META, launch, budget: { maxPages: 500 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PDF_TOO_LONG', limit: 500 });
    expect(launch).not.toHaveBeenCalled();
    // 1,000,002 characters (the style and the tags not counted, an entity one): at most 2,000 a page.
    expect(fewestPages(html)).toBe(501);
  });
});

describe('openPrinter with a stubbed browser', () => {
  it('reuses a tab for the next document, and starts a fresh browser only once the one it replaces has closed', async () => {
    const events: string[] = [];
    let browsers = 0;
    const launch = async () => {
      const n = ++browsers;
      events.push(`launch ${n}`);
      const stub = stubBrowser(blankPdf);
      stub.browser.close.mockImplementation(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push(`close ${n}`);
      });
      stub.browser.newPage.mockImplementation(async () => {
        events.push(`tab ${n}`);
        return stub.page;
      });
      return stub.browser as unknown as Browser;
    };
    const printer = openPrinter({ launch, recycleAfter: 2 });
    try {
      for (let i = 0; i < 3; i++) await printer.print('<html></html>', META);
    } finally {
      await printer.close();
    }
    expect(events).toEqual(['launch 1', 'tab 1', 'close 1', 'launch 2', 'tab 2', 'close 2']);
  });
});
