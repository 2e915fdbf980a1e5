// One browser for many documents: a batch opens a printer once, prints every PDF on a fresh page of
// the same Chromium, and closes it at the end. Pages are closed after each document and the browser
// itself is replaced after `recycleAfter` documents, so memory stays flat over a long run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { cleanupOnSignal } from './close-on-signal.js';
import { BrowserNotFoundError } from './errors.js';
import { carriesFonts, documentFonts } from '../fonts/embed.js';
import { launchChromium, sessionOf, type BrowserSession } from './launch-chromium.js';
import { DEFAULT_PRINT_TIMEOUT, type PdfMeta, type PrintBudget, type PrintResult } from './options.js';
import { closeTab, openTab, printDocument, printFailed, refuseFarTooLong, warmUp, type PrintTab } from './print-pdf.js';

export interface PrinterOptions {
  /** Starts a browser; injectable so tests can stub it. Default: Chromium found by findChromium(). */
  launch?: () => Promise<Browser>;
  /** The longest time budget any document will get, in seconds; bounds each DevTools call. Default DEFAULT_PRINT_TIMEOUT. */
  timeout?: number;
  /** Documents one browser prints before it is closed and a fresh one started. Default 50. */
  recycleAfter?: number;
}

/** A print session: `print` may be called concurrently; `close` ends the browser and removes every temporary file. */
export interface Printer {
  print(html: string, meta: PdfMeta, budget?: PrintBudget, onBlockedRequest?: (url: string) => void): Promise<PrintResult>;
  close(): Promise<void>;
  /** Starts the browser now, if none runs, so that it is up by the time the first document is ready. */
  warm(): void;
  /** True once closed, by `close` or by a signal: a batch takes no further unit. */
  readonly closed: boolean;
}

/** Puppeteer's own limits sit past the budget, so the budget's message, not Puppeteer's, is what a user reads. */
const PUPPETEER_GRACE_MS = 30_000;

interface Generation {
  session: Promise<BrowserSession>;
  printed: number;
  active: number;
  retired: boolean;
  /** Tabs waiting for the next document. */
  idle: PrintTab[];
  /** A tab opened as the browser started (`warm`), for the first document: Chromium's own first page. */
  spare?: Promise<PrintTab>;
  /** The first document is ready for the spare tab: it is not kept waiting by a warm-up print. */
  spareClaimed?: boolean;
  /** Settles once its browser is closed. */
  ended: Promise<void>;
  end: () => void;
}

/** How long a new browser waits for the one it replaces to close: two at once were a 300-unit batch's peak of memory. */
const HANDOVER_MS = 10_000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Documents one tab prints before it is closed and another opened: what a page keeps between documents stays small. */
const TAB_REUSE = 20;

/**
 * Opens a print session. Nothing is started until the first document needs it: a batch whose units
 * all have errors never launches Chromium. Until `close`, SIGINT, SIGTERM and SIGHUP close the
 * browser and remove the temporary folder before the process ends.
 */
export function openPrinter(options: PrinterOptions = {}): Printer {
  const recycleAfter = options.recycleAfter ?? 50;
  const protocolTimeout = (options.timeout ?? DEFAULT_PRINT_TIMEOUT) * 1000 + PUPPETEER_GRACE_MS;
  const generations = new Set<Generation>();
  let current: Generation | undefined;
  let workDir: Promise<string> | undefined;
  let closed = false;

  // Browsers being closed, so that `close` waits for a retired one too.
  const ending = new Set<Promise<void>>();
  const endGeneration = async (generation: Generation): Promise<void> => {
    generations.delete(generation);
    const closing = generation.session.then((s) => s.close(), () => {});
    ending.add(closing);
    await closing;
    ending.delete(closing);
    generation.end();
  };
  const retire = (generation: Generation): void => {
    generation.retired = true;
    if (current === generation) current = undefined;
    if (generation.active === 0) void endGeneration(generation);
  };
  const start = (): Generation => {
    if (current && current.printed >= recycleAfter) retire(current);
    if (!current) {
      const launch = () => (options.launch ? options.launch().then(sessionOf) : launchChromium(undefined, { protocolTimeout }));
      // The browser being replaced ends first (its last documents finish), unless it hangs.
      const retiring = [...[...generations].filter((g) => g.retired).map((g) => g.ended), ...ending];
      const session = retiring.length === 0 ? launch() : Promise.race([Promise.all(retiring), delay(HANDOVER_MS)]).then(launch);
      // A failed launch is reported to the document that waits for it; one started early may have none.
      session.catch(() => {});
      let end = () => {};
      const ended = new Promise<void>((resolve) => (end = resolve));
      current = { session, printed: 0, active: 0, retired: false, idle: [], ended, end };
      generations.add(current);
    }
    return current;
  };
  const tabDir = async (): Promise<string> => mkdtemp(join(await (workDir ??= mkdtemp(join(tmpdir(), 'yusuan-print-'))), 'tab-'));
  /** The generation's first tab, opened while the first document is still being rendered. */
  const openSpare = (generation: Generation): void => {
    if (generation.spare || generation.printed > 0) return;
    generation.spare = generation.session.then(async (session) => {
      const tab = await openTab(session.browser, await tabDir(), { reuseBlank: true });
      if (!generation.spareClaimed) await warmUp(tab);
      return tab;
    });
    generation.spare.catch(() => {}); // a failure is met by the document that takes it
  };
  const acquire = (): Generation => {
    start();
    current!.printed++;
    current!.active++;
    return current!;
  };
  const releaseGeneration = (generation: Generation): void => {
    generation.active--;
    if (generation.retired && generation.active === 0) void endGeneration(generation);
  };

  let closing: Promise<void> | undefined;
  const cleanup = (): Promise<void> =>
    (closing ??= (async () => {
      closed = true;
      current = undefined;
      await Promise.all([...[...generations].map(endGeneration), ...ending]);
      // A leftover temporary folder is not worth failing a finished run for.
      if (workDir) await rm(await workDir.catch(() => ''), { recursive: true, force: true }).catch(() => {});
    })());
  const releaseSignals = cleanupOnSignal(cleanup);

  return {
    get closed() {
      return closed;
    },
    warm() {
      if (!closed) openSpare(start());
    },
    async print(html, meta, budget = {}, onBlockedRequest) {
      if (closed) throw new Error('printer is closed');
      refuseFarTooLong(html, budget);
      // Subset the fonts while the browser starts (the first document) or a tab opens; printDocument takes them from the cache.
      if (!carriesFonts(html)) documentFonts(html).catch(() => {});
      const generation = acquire();
      // A document is ready: the spare tab, if still opening, skips its warm-up.
      generation.spareClaimed = true;
      try {
        let session: BrowserSession;
        try {
          session = await generation.session;
        } catch (cause) {
          // The next document tries a fresh launch rather than this failed one.
          retire(generation);
          // A missing browser is about this machine, not the document; its message already names the fix.
          if (cause instanceof BrowserNotFoundError) throw cause;
          throw printFailed(meta.title, cause);
        }
        let tab: PrintTab | Promise<PrintTab> | undefined = generation.idle.pop() ?? generation.spare;
        if (tab !== undefined && tab === generation.spare) generation.spare = undefined;
        tab ??= openTab(session.browser, await tabDir());
        let done: PrintTab | undefined;
        try {
          const result = await printDocument(tab, html, meta, budget, onBlockedRequest);
          done = await tab;
          return result;
        } catch (cause) {
          if ((session.browser as { connected?: boolean }).connected === false) retire(generation);
          throw cause;
        } finally {
          // A tab that failed may be busy still: it is closed, and a page that will not close takes its browser with it.
          if (done && ++done.printed < TAB_REUSE && !generation.retired && !closed) generation.idle.push(done);
          else void Promise.resolve(tab).then(async (open) => {
            if (!(await closeTab(open))) retire(generation);
            await rm(open.dir, { recursive: true, force: true }).catch(() => {});
          }, () => {});
        }
      } finally {
        releaseGeneration(generation);
      }
    },
    async close() {
      releaseSignals();
      await cleanup();
    },
  };
}
