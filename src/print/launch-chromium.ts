import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { findChromium } from './find-chromium.js';

/**
 * --no-sandbox because we run as root (e.g. in CI containers); the rest keep Chromium off the network
 * and quiet. --disable-background-networking alone still lets the browser look up
 * update.googleapis.com, clients2.google.com and accounts.google.com on every launch: the
 * host-resolver rule answers every name lookup with "not found" inside Chromium, so no DNS query
 * leaves the machine (the page itself loads only file: and data: URLs, which need no name).
 * tests/print/no-network.test.ts watches the system calls of a real build to prove it.
 * --enable-low-end-device-mode keeps a renderer's caches small: a 2-tab batch's renderers took
 * ~310 MiB instead of ~450, which kept a 300-unit batch under 1 GiB; the PDFs are byte-identical.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-first-run',
  '--no-pings',
  '--enable-low-end-device-mode',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** A running browser and the one way to end it. */
export interface BrowserSession {
  browser: Browser;
  /** Closes the browser and removes what its launch created. Never throws. */
  close(): Promise<void>;
}

/** Wraps a browser someone else launched: closing it is all there is to do. */
export function sessionOf(browser: Browser): BrowserSession {
  return { browser, close: () => closeQuietly(browser) };
}

/**
 * Starts Chromium headless with a fresh profile directory, removed again on close. `protocolTimeout`
 * (ms) bounds each DevTools call; Puppeteer's default of 180 s would fail a long document's print.
 */
export async function launchChromium(
  executablePath: string = findChromium(),
  options: { protocolTimeout?: number; /** Let the page reach 127.0.0.1 (a test opening `yusuan preview`); still no DNS. */ loopback?: boolean } = {},
): Promise<BrowserSession> {
  const profile = await mkdtemp(join(tmpdir(), 'yusuan-chromium-'));
  const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => {});
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      protocolTimeout: options.protocolTimeout,
      args: [
        ...CHROMIUM_ARGS.map((a) => (options.loopback && a.startsWith('--host-resolver-rules=') ? `${a}, EXCLUDE 127.0.0.1` : a)),
        `--user-data-dir=${profile}`,
      ],
      // printPdf handles these itself so it can remove the profile; Puppeteer's handlers would exit first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return { browser, close: () => closeQuietly(browser).then(removeProfile) };
  } catch (cause) {
    await removeProfile();
    throw new Error(`Cannot start Chromium at ${executablePath}`, { cause });
  }
}

async function closeQuietly(browser: Browser): Promise<void> {
  try {
    await browser.close();
  } catch {
    // The browser may be gone already (crashed, or closed by a signal handler); there is nothing left to close.
  }
}
