// Starts the Chromium process, without Puppeteer: node's builtins only, so the command line can start
// it before it loads anything else. Puppeteer then connects over the process's DevTools pipe
// (launch-chromium.ts). A cold `build` had loaded ~0.7 s of modules and rendered the document
// before Chromium's ~0.5 s launch even began; started first, the launch runs beside them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { SIGNALS } from './close-on-signal.js';
import { findChromium } from './find-chromium.js';

/**
 * The switches Puppeteer 24 gives a headless Chrome it launches (`puppeteer.defaultArgs()`), which
 * its page and PDF calls assume (tests/print/spawn-chromium.test.ts compares them on every upgrade).
 */
export const PUPPETEER_ARGS: readonly string[] = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

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

export interface SpawnOptions {
  /** Let the page reach 127.0.0.1 (a test opening `yusuan preview`); still no DNS. */
  loopback?: boolean;
}

/** A running Chromium, its DevTools pipe, and the one way to end it. */
export interface ChromiumProcess {
  executablePath: string;
  loopback: boolean;
  /** Node writes DevTools messages here (the process's fd 3) and reads replies from `read` (fd 4). */
  pipe: { write: Writable; read: Readable };
  /** The last lines Chromium wrote to stderr, for a message when it fails to start. */
  log(): string;
  /** Settles when the process has ended (or could not be started at all). */
  exited: Promise<void>;
  /** Keeps node running while Chromium is in use; an unused early start must not hold the process open. */
  hold(held: boolean): void;
  /** Waits for the process to end (Browser.close was sent), kills it past `graceMs`, removes its profile. Never throws. */
  end(graceMs?: number): Promise<void>;
}

/** Starts Chromium headless with a fresh profile folder and a DevTools pipe. Throws when it cannot be started. */
export function spawnChromium(executablePath: string = findChromium(), options: SpawnOptions = {}): ChromiumProcess {
  const loopback = options.loopback ?? false;
  const profile = mkdtempSync(join(tmpdir(), 'yusuan-chromium-'));
  const removeProfile = (): void => {
    // Chromium's singleton socket lives in a folder of its own in the temporary folder, linked from
    // the profile; a browser that was killed rather than closed leaves it behind.
    try {
      const socketDir = dirname(readlinkSync(join(profile, 'SingletonSocket')));
      if (basename(socketDir).startsWith('org.chromium.Chromium.')) rmSync(socketDir, { recursive: true, force: true });
    } catch {
      // No socket (the browser never got that far): nothing to remove.
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  const args = [
    ...PUPPETEER_ARGS,
    ...CHROMIUM_ARGS.map((a) => (loopback && a.startsWith('--host-resolver-rules=') ? `${a}, EXCLUDE 127.0.0.1` : a)),
    `--user-data-dir=${profile}`,
    '--remote-debugging-pipe',
    'about:blank',
  ];
  let child: ChildProcess;
  try {
    // Its own process group, as Puppeteer does: a terminal's Ctrl-C reaches node, which closes it in order.
    child = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  } catch (cause) {
    removeProfile();
    throw new Error(`Cannot start Chromium at ${executablePath}`, { cause });
  }
  const lines: string[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    lines.push(...text.split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 20));
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    // A binary that cannot be run: 'error' and no 'exit'.
    child.once('error', (error) => {
      lines.push(String(error));
      resolve();
    });
  });
  // Once it has ended, its pipes are closed from this side too: the DevTools pipe did not always see
  // the end of a browser that died as it started, and Puppeteer's connection waited on it for good.
  void exited.then(() => setImmediate(() => {
    for (const stream of [child.stdio[3], child.stdio[4], child.stderr]) (stream as { destroy?: () => void } | null)?.destroy?.();
  }));
  const kill = (): void => {
    try {
      if (child.pid !== undefined) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  };
  // Whatever happens to node, its Chromium does not outlive it (a normal exit ends it through the pipe too).
  const onExit = (): void => {
    kill();
    try {
      removeProfile();
    } catch {
      // A profile that will not go is left to the system's temporary-file cleanup.
    }
  };
  process.on('exit', onExit);
  const pipe = { write: child.stdio[3] as Writable, read: child.stdio[4] as Readable };
  let ending: Promise<void> | undefined;
  return {
    executablePath,
    loopback,
    pipe,
    log: () => lines.join('\n'),
    exited,
    hold(held) {
      for (const handle of [child, child.stderr, pipe.write, pipe.read] as Array<{ ref?(): void; unref?(): void } | null>) {
        if (held) handle?.ref?.();
        else handle?.unref?.();
      }
    },
    end(graceMs = 5000) {
      return (ending ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
        kill();
        await exited;
        process.off('exit', onExit);
        await new Promise<void>((resolve) => setImmediate(resolve));
        try {
          removeProfile();
        } catch {
          // As above.
        }
      })());
    },
  };
}

/** A Chromium started ahead of need (by `startEarly`), waiting for the first launch that wants it. */
let early: { process: ChromiumProcess; release: () => void } | undefined;


/**
 * Starts Chromium now, for a PDF the caller is about to make: the launch then runs while node loads
 * its modules and renders. Does nothing when no browser is found or it cannot start; the launch
 * that follows then reports that, as without an early start. Ended at exit if unused; on a signal it
 * is ended and the signal raised again, for whatever handlers the program has set up meanwhile
 * (a printer's) or else to end the process as the signal would have.
 */
export function startEarly(): void {
  if (early) return;
  try {
    const started = spawnChromium();
    started.hold(false);
    const onSignal = (signal: NodeJS.Signals): void => {
      release();
      if (early?.process === started) early = undefined;
      void started.end(0).then(() => process.kill(process.pid, signal));
    };
    const release = (): void => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    };
    for (const signal of SIGNALS) process.on(signal, onSignal);
    early = { process: started, release };
  } catch {
    // Reported by the launch that needs it.
  }
}

/** The early Chromium, if one was started for these settings and is still unclaimed. */
export function takeEarly(executablePath: string, options: SpawnOptions): ChromiumProcess | undefined {
  if (!early || early.process.executablePath !== executablePath || early.process.loopback !== (options.loopback ?? false)) return undefined;
  const { process: taken, release } = early;
  early = undefined;
  release();
  taken.hold(true);
  return taken;
}
