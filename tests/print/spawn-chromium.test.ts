// Chromium started without Puppeteer (src/print/spawn-chromium.ts): with the switches Puppeteer itself
// would give it, taken by the launch that follows an early start, and never left behind.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/print/launch-chromium.js';
import { PUPPETEER_ARGS, startEarly } from '../../src/print/spawn-chromium.js';
import { chromium, hasChromium } from '../helpers/chromium.js';

const profiles = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('yusuan-chromium-'));
/** Processes running this profile folder. */
const running = (profile: string): string[] => {
  const out = spawnSync('pgrep', ['-f', profile], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter(Boolean);
};

describe('spawning Chromium', () => {
  it('gives it the switches of the Puppeteer it is driven by (review them on an upgrade)', () => {
    const theirs = puppeteer.defaultArgs({ headless: true }).filter((a) => a !== 'about:blank');
    expect([...PUPPETEER_ARGS]).toEqual(theirs);
  });

  it("finds Puppeteer's CDP connector where launch-chromium.ts loads it (else it falls back to the slower entry module)", async () => {
    const module = (await import('puppeteer-core/internal/cdp/BrowserConnector.js' as string)) as Record<string, unknown>;
    expect(typeof module['_connectToCdpBrowser']).toBe('function');
  });

  it.skipIf(!hasChromium)('a launch takes the Chromium started early, and prints with it', async () => {
    process.env['PUPPETEER_EXECUTABLE_PATH'] = chromium!;
    try {
      const before = new Set(profiles());
      startEarly();
      const started = profiles().filter((name) => !before.has(name));
      expect(started).toHaveLength(1);
      const session = await launchChromium();
      // No second browser: the early one's profile is the only new one.
      expect(profiles().filter((name) => !before.has(name))).toEqual(started);
      const page = await session.browser.newPage();
      await page.setContent('<p>预算</p>');
      expect(Buffer.from(await page.pdf()).subarray(0, 5).toString()).toBe('%PDF-');
      await session.close();
      expect(existsSync(join(tmpdir(), started[0]!))).toBe(false);
      expect(running(started[0]!)).toEqual([]);
    } finally {
      delete process.env['PUPPETEER_EXECUTABLE_PATH'];
    }
  });

  it.skipIf(!hasChromium)('an early start nobody takes ends with the process, leaving no folder', () => {
    // The built module, in a process of its own with a temporary folder of its own.
    const tmp = mkdtempSync(join(tmpdir(), 'yusuan-early-'));
    try {
      const module = new URL('../../dist/print/spawn-chromium.js', import.meta.url).pathname;
      const script = `import { readdirSync } from 'node:fs';
        const { startEarly } = await import(${JSON.stringify(module)});
        startEarly();
        console.log(readdirSync(${JSON.stringify(tmp)}).join(' '));`;
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, PUPPETEER_EXECUTABLE_PATH: chromium! } });
      const profile = out.trim();
      expect(profile).toMatch(/^yusuan-chromium-/);
      expect(readdirSync(tmp)).toEqual([]);
      // Killed at node's exit; the kernel may take a moment to reap it.
      for (let i = 0; i < 50 && running(join(tmp, profile)).length > 0; i++) execFileSync('sleep', ['0.1']);
      expect(running(join(tmp, profile))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a browser that dies as it starts fails the build at once, naming what it said: exit 1, nothing written', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'yusuan-dead-chromium-'));
    try {
      const fake = join(tmp, 'chromium');
      writeFileSync(fake, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n', { mode: 0o755 });
      const root = new URL('../../', import.meta.url).pathname;
      const started = Date.now();
      const run = spawnSync(process.execPath, [join(root, 'bin/yusuan.js'), 'build', join(root, 'data/2024-info-center.yaml'), '--format', 'pdf', '--out', join(tmp, 'out')], {
        encoding: 'utf8',
        env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: fake, TMPDIR: tmp },
        timeout: 60_000,
      });
      // Before: the connection waited on a pipe nobody wrote to, for Puppeteer's protocol timeout.
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('[PRINT_FAILED]');
      expect(run.stderr).toContain('libnss3.so');
      expect(existsSync(join(tmp, 'out'))).toBe(false);
      expect(readdirSync(tmp).filter((name) => name.startsWith('yusuan-'))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
