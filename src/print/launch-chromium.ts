import type { Readable, Writable } from 'node:stream';
import type { Browser, ConnectionTransport, ConnectOptions } from 'puppeteer';
import { findChromium } from './find-chromium.js';
import { spawnChromium, takeEarly, type ChromiumProcess } from './spawn-chromium.js';

export { CHROMIUM_ARGS } from './spawn-chromium.js';

/** A running browser and the one way to end it. */
export interface BrowserSession {
  browser: Browser;
  /** Closes the browser and removes what its launch created. Never throws. */
  close(): Promise<void>;
}

/** How long a starting browser may take to answer (Puppeteer's own launch waits as long). */
const START_TIMEOUT_MS = 30_000;

/** Wraps a browser someone else launched: closing it is all there is to do. */
export function sessionOf(browser: Browser): BrowserSession {
  return { browser, close: () => closeQuietly(browser) };
}

/**
 * Starts Chromium headless with a fresh profile directory, removed again on close, or takes the one
 * the command line started early for the same settings (spawn-chromium.ts). `protocolTimeout` (ms)
 * bounds each DevTools call; Puppeteer's default of 180 s would fail a long document's print.
 */
export async function launchChromium(
  executablePath: string = findChromium(),
  options: { protocolTimeout?: number; /** Let the page reach 127.0.0.1 (a test opening `yusuan preview`); still no DNS. */ loopback?: boolean } = {},
): Promise<BrowserSession> {
  const chromium = takeEarly(executablePath, options) ?? spawnChromium(executablePath, options);
  try {
    // A browser that dies or hangs as it starts fails the launch, rather than leave it waiting on a pipe
    // nobody writes to (node would then end with nothing left to run, silently).
    let timer: NodeJS.Timeout | undefined;
    const gone = new Promise<never>((_, reject) => {
      void chromium.exited.then(() => reject(new Error('Chromium exited as it started')));
      timer = setTimeout(() => reject(new Error(`Chromium did not answer within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    });
    const browser = await Promise.race([
      connect({ transport: pipeTransport(chromium.pipe), protocolTimeout: options.protocolTimeout, defaultViewport: { width: 800, height: 600 } }),
      gone,
    ]).finally(() => clearTimeout(timer));
    // Killed, not asked to close: the documents are out, and a graceful shutdown cost a single build
    // ~0.12 s of waiting. Its whole process group goes; the profile (and socket folder) with it.
    const close = async (): Promise<void> => {
      await browser.disconnect().catch(() => {});
      await chromium.end(0);
    };
    return { browser, close };
  } catch (cause) {
    await chromium.end(0);
    const log = chromium.log();
    throw new Error(`Cannot start Chromium at ${executablePath}${log ? `:\n${log}` : ''}`, { cause });
  }
}

type Connect = (options: ConnectOptions & { transport: ConnectionTransport }) => Promise<Browser>;

/**
 * `puppeteer.connect` for a DevTools pipe. Puppeteer's entry module loads its launchers, browser
 * downloader and configuration too (~0.18 s, on a cold build's path to its first page); the CDP
 * connector it calls loads in ~0.07 s. It is an internal module of puppeteer-core's exported
 * `internal/*` path, so should a new version move it, the entry module is used.
 */
async function connect(options: ConnectOptions & { transport: ConnectionTransport }): Promise<Browser> {
  return (await loadConnector())(options);
}

/** Starts loading Puppeteer's connector now (the command line does, beside the early browser): it is ready when the browser is. */
export function loadConnector(): Promise<Connect> {
  connector ??= (import(INTERNAL_CONNECTOR) as Promise<{ _connectToCdpBrowser?: (transport: ConnectionTransport, url: string, options: ConnectOptions) => Promise<Browser> }>)
    .then((m): Connect => {
      const direct = m._connectToCdpBrowser;
      if (typeof direct !== 'function') throw new Error('moved');
      return (o) => direct(o.transport, '', o);
    })
    .catch(async (): Promise<Connect> => {
      const puppeteer = (await import('puppeteer')).default;
      return (o) => puppeteer.connect(o);
    });
  return connector;
}

let connector: Promise<Connect> | undefined;
/** A variable, so that TypeScript does not read the internal module's types (which are not the public ones). */
const INTERNAL_CONNECTOR: string = 'puppeteer-core/internal/cdp/BrowserConnector.js';

async function closeQuietly(browser: Browser): Promise<void> {
  try {
    await browser.close();
  } catch {
    // The browser may be gone already (crashed, or closed by a signal handler); there is nothing left to close.
  }
}

/**
 * DevTools messages over Chromium's pipe: each a JSON text ended by a NUL byte, as Puppeteer's own
 * (internal) PipeTransport frames them. Replies are handed on a turn later, as it does, so that
 * Puppeteer's bookkeeping of one message is done before the next arrives.
 */
function pipeTransport(pipe: ChromiumProcess['pipe']): ConnectionTransport {
  const { write, read }: { write: Writable; read: Readable } = pipe;
  let pending: Buffer[] = [];
  let closed = false;
  const transport: ConnectionTransport = {
    send(message) {
      if (closed) return;
      write.write(message);
      write.write('\0');
    },
    close() {
      closed = true;
      read.removeListener('data', onData);
    },
  };
  const onData = (buffer: Buffer): void => {
    if (buffer.indexOf(0) === -1) {
      pending.push(buffer);
      return;
    }
    const all = Buffer.concat([...pending, buffer]);
    let start = 0;
    for (let end = all.indexOf(0); end !== -1; end = all.indexOf(0, start)) {
      const message = all.toString('utf8', start, end);
      setImmediate(() => transport.onmessage?.(message));
      start = end + 1;
    }
    pending = start < all.length ? [all.subarray(start)] : [];
  };
  read.on('data', onData);
  // A browser that dies as it starts closes the pipe before Puppeteer's connection has set `onclose`:
  // it is told when it does, so that its waiting calls (and their timers) end.
  let peerClosed = read.destroyed;
  if (peerClosed) closed = true;
  let onclose: (() => void) | undefined;
  Object.defineProperty(transport, 'onclose', {
    get: () => onclose,
    set: (listener: (() => void) | undefined) => {
      onclose = listener;
      if (peerClosed && listener) setImmediate(listener);
    },
  });
  read.once('close', () => {
    peerClosed = true;
    closed = true;
    setImmediate(() => onclose?.());
  });
  // A broken pipe is the browser gone: the connection learns it from 'close'.
  read.on('error', () => {});
  write.on('error', () => {});
  return transport;
}
