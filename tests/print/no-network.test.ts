// Printing touches no network: a real `yusuan build` of the reference to PDF, with Chromium run
// under `strace -f -yy -e trace=network`, makes no DNS query, opens no TCP connection and sends no
// datagram. A control run with the flags Chromium had before (--disable-background-networking
// alone) must be caught looking up Google's hosts, so the detector is shown able to fail.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../src/print/index.js';
import { findChromium } from '../../src/print/find-chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The network system calls of a traced run that reach beyond the machine: any connect to port 53
 * (DNS), any TCP connect, any data sent on an IP socket. With -yy strace names each socket
 * (`18<UDP:[192.0.2.2:33584->10.255.255.53:53]>`). A UDP connect() alone sends no packet: Chromium
 * connects one to 2001:4860:4860::8888 to learn whether IPv6 is routed, and the kernel only looks up
 * a route; that is allowed.
 */
function networkAttempts(log: string): string[] {
  return log.split('\n').filter((line) => {
    const ip = /\(\d+<(?:TCP|UDP|TCPv6|UDPv6):/.test(line);
    if (/\b(?:sendto|sendmsg|sendmmsg)\(/.test(line)) return ip;
    if (/\bconnect\(/.test(line)) return /htons\(53\)/.test(line) || /\(\d+<TCP(?:v6)?:/.test(line);
    return false;
  });
}

function tracedChromium(dir: string): { executable: string; log: string } {
  const log = join(dir, 'strace.log');
  const executable = join(dir, 'chromium-traced.sh');
  writeFileSync(executable, `#!/bin/sh\nexec strace -f -yy -e trace=network -o '${log}' '${findChromium()}' "$@"\n`);
  chmodSync(executable, 0o755);
  return { executable, log };
}

describe('printing sends nothing over the network', () => {
  let dir: string;
  beforeAll(() => {
    // No skip: a missing strace would let a leaking browser pass. scripts/setup.sh installs it.
    if (spawnSync('strace', ['-V']).status !== 0) throw new Error('strace is missing: run `npm run setup` (apt-get install strace)');
    dir = mkdtempSync(join(tmpdir(), 'yusuan-no-network-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a PDF build of the reference makes no DNS query and no connection', () => {
    const { executable, log } = tracedChromium(dir);
    const out = join(dir, 'out');
    const run = spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), 'build', 'data/2024-info-center.yaml', '--out', out, '--format', 'pdf'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: executable },
    });
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    expect(existsSync(join(out, '2024-info-center.pdf'))).toBe(true);
    const trace = readFileSync(log, 'utf8');
    expect(trace).toMatch(/socket\(/); // the trace did record the browser
    expect(networkAttempts(trace)).toEqual([]);
    expect(trace).not.toMatch(/google/);
  }, 120_000);

  it('control: without the host-resolver rule, the same detector catches Chromium looking up Google', async () => {
    const nameserver = existsSync('/etc/resolv.conf') && /^nameserver\s/m.test(readFileSync('/etc/resolv.conf', 'utf8'));
    if (!nameserver) return; // no resolver configured: Chromium has nowhere to send a query
    const { executable, log } = tracedChromium(mkdtempSync(join(dir, 'control-')));
    const profile = mkdtempSync(join(dir, 'profile-'));
    const before = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
    await printPdf('<!doctype html><html lang="zh-CN"><body><p>预算</p></body></html>', {
      meta: { title: 't', author: 'a', subject: 's', keywords: [], date: new Date(0), lang: 'zh-CN' },
      launch: () => puppeteer.launch({ executablePath: executable, headless: true, pipe: true, args: [...before, `--user-data-dir=${profile}`] }),
    });
    const attempts = networkAttempts(readFileSync(log, 'utf8'));
    expect(attempts.some((line) => /htons\(53\)|:53\]/.test(line))).toBe(true);
  }, 120_000);
});
