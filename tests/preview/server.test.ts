// The preview server without a browser: what it serves, what it refuses, and the served copy's one
// script. Requests go through node:http, which (unlike fetch) lets a test send any Host header.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/index.js';

const reference = readFileSync(new URL('../../data/2024-info-center.yaml', import.meta.url), 'utf8');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** `host: null` sends no Host header at all. */
function get(port: number, path: string, host: string | null = `127.0.0.1:${port}`, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, setHost: false, headers: host === null ? {} : { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('preview server', () => {
  let dir: string;
  let file: string;
  let preview: Preview;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-preview-server-'));
    file = join(dir, 'unit.yaml');
    writeFileSync(file, reference);
    preview = await startPreview(file, { debounceMs: 10 });
  });

  afterAll(async () => {
    await preview?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only, on a free port by default', () => {
    expect(preview.url).toBe(`http://127.0.0.1:${preview.port}/`);
    expect(preview.port).toBeGreaterThan(0);
  });

  it('serves the document with one nonce’d script the CSP allows and nothing else', async () => {
    const page = await get(preview.port, '/');
    expect(page.status).toBe(200);
    const html = page.body.toString('utf8');
    const csp = String(page.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(html.match(/<script\b[^>]*>/g)).toEqual([`<script nonce="${nonce}">`]);
    expect(html).toContain('项目支出 65.00 万元，占 19.38%');
    // A fresh nonce for every page.
    expect(String((await get(preview.port, '/')).headers['content-security-policy'])).not.toBe(csp);
  });

  it('serves the bundled fonts the page names, and 404 for anything else', async () => {
    const css = await get(preview.port, '/fonts/faces.css');
    expect(css.status).toBe(200);
    const font = /url\("(\/fonts\/[^"]+\.woff2)"\)/.exec(css.body.toString('utf8'))?.[1];
    expect(font).toBeTruthy();
    const woff2 = await get(preview.port, font!);
    expect(woff2.status).toBe(200);
    expect(woff2.headers['content-type']).toBe('font/woff2');
    expect(woff2.body.subarray(0, 4).toString('latin1')).toBe('wOF2');
    for (const path of ['/unit.yaml', '/fonts/../unit.yaml', '/fonts/%2e%2e/package.json', '/package.json', '/favicon.ico', '/fonts/', `/${file}`])
      expect((await get(preview.port, path)).status, path).toBe(404);
    expect((await get(preview.port, '/', undefined, 'POST')).status).toBe(404);
  });

  it('refuses a Host header that is not 127.0.0.1 or localhost (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${preview.port}`, `127.0.0.1.evil.example:${preview.port}`, `localhost:${preview.port + 1}`, `127.0.0.1:${preview.port}@evil.example`])
      expect((await get(preview.port, '/', host)).status, host).toBe(403);
    // No Host at all: node:http itself answers 400.
    expect((await get(preview.port, '/', null)).status).toBe(400);
    expect((await get(preview.port, '/events', 'evil.example')).status).toBe(403);
    expect((await get(preview.port, '/', `localhost:${preview.port}`)).status).toBe(200);
  });

  it('escapes data text in the panel and keeps the last good document', async () => {
    writeFileSync(file, reference.replace('basic: { general: 11.82 }', 'basic: { general: "</style><script>alert(1)</script>" }'));
    const build = preview.rebuild();
    expect(build.shown).toBe(false);
    const html = (await get(preview.port, '/')).body.toString('utf8');
    expect(html).toContain('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(`${file}:35:23`);
    expect(html).toContain('项目支出 65.00 万元，占 19.38%');
    writeFileSync(file, reference);
  });

  it('names a template failure in the panel instead of stopping', async () => {
    // An overlay folder whose one partial does not parse: the server still starts and the panel says where.
    const overlay = join(dir, 'overlay');
    mkdirSync(join(overlay, 'partials'), { recursive: true });
    writeFileSync(join(overlay, 'partials', 'part4.md.hbs'), '{{#if unit.name}}\n');
    const p = await startPreview(file, { templatesDir: overlay, debounceMs: 10 });
    try {
      const html = (await get(p.port, '/')).body.toString('utf8');
      expect(html).toContain('yusuan-failure');
      expect(html).toContain(join(overlay, 'partials', 'part4.md.hbs'));
    } finally {
      await p.close();
    }
  });

  it('shows the document in the profile it is given, as build does, and names a profile that does not exist', async () => {
    const school = new URL('../fixtures/golden/ten-tables-school/data.yaml', import.meta.url).pathname;
    const p = await startPreview(school, { profile: 'ten-tables', debounceMs: 10 });
    try {
      const html = (await get(p.port, '/')).body.toString('utf8');
      expect(html).toContain('<span class="meta-unit">单位：元</span>');
      expect(html).not.toContain('<span class="meta-unit">单位：万元</span>');
    } finally {
      await p.close();
    }
    await expect(startPreview(school, { profile: 'no-such-profile' })).rejects.toThrow(/no-such-profile/);
  });
});
