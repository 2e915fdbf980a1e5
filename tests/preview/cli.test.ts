// `yusuan preview` as a user runs it: it prints the URL, serves, and ends cleanly on Ctrl-C or
// SIGTERM — even with a page's event stream still open — leaving nothing listening.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/yusuan.js');

interface Run {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startCli(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [bin, 'preview', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    void exit.then(() => reject(new Error(`preview exited before printing its URL: ${err}`)));
  });
  return { child, url, stdout: () => out, stderr: () => err, exit };
}

/** Opens the event stream and resolves once its first event arrived; the connection stays open. */
function openEvents(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}events`, (res) => res.once('data', () => resolve()));
    req.on('error', () => {}); // the server ends it when it stops
    req.setTimeout(10_000, () => reject(new Error('no event')));
    req.end();
  });
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
}

describe('yusuan preview (CLI)', () => {
  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-preview-cli-'));
    file = join(dir, 'unit.yaml');
    copyFileSync(join(root, 'data/2024-info-center.yaml'), file);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`prints the URL, serves, and on ${signal} closes everything and exits ${status}`, async () => {
      const run = await startCli([file]);
      try {
        expect(run.stdout()).toContain('Ctrl-C');
        const page = await fetch(run.url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('项目支出 65.00 万元');
        await openEvents(run.url);
        run.child.kill(signal);
        const { code } = await run.exit;
        expect(code).toBe(status);
        expect(run.stderr()).not.toMatch(/Error|at .*\.js:\d+/);
        expect(await refused(run.url)).toBe(true);
      } finally {
        run.child.kill('SIGKILL');
      }
    });
  }

  it('takes --port, and says so when the port is taken', async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as AddressInfo).port;
    try {
      const taken = spawnSync(process.execPath, [bin, 'preview', file, '--port', String(port)], { encoding: 'utf8', timeout: 30_000 });
      expect(taken.status).toBe(1);
      expect(taken.stderr).toContain(`${port}`);
      expect(taken.stderr).toContain('in use');
    } finally {
      busy.close();
    }
  });

  it('refuses a bad port or a missing file as usage or input errors', () => {
    const bad = spawnSync(process.execPath, [bin, 'preview', file, '--port', 'http'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port');
    const missing = spawnSync(process.execPath, [bin, 'preview', join(dir, 'none.yaml')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('none.yaml');
  });
});
