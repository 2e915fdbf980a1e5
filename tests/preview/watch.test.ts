// What preview watches: the data file (also when saved by a rename), a template anywhere in the
// template folder, and the shared catalog file the data names; and files beside them that it reads
// not at all are let be.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/index.js';
import { DEFAULT_TEMPLATES } from '../../src/render/templates.js';

const reference = readFileSync(new URL('../../data/2024-info-center.yaml', import.meta.url), 'utf8');

/** The page, fetched until it holds `text` (5 s at most: a busy machine, not a timing test). */
async function pageWith(preview: Preview, text: string): Promise<string> {
  const until = Date.now() + 5000;
  let html = '';
  while (Date.now() < until) {
    html = await (await fetch(preview.url)).text();
    if (html.includes(text)) return html;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the page never showed ${text}`);
}

describe('preview watches what the document is built from', () => {
  let dir: string;
  let preview: Preview | undefined;
  let builds: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'yusuan-preview-watch-'));
    builds = 0;
  });

  afterEach(async () => {
    await preview?.close();
    preview = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds when a template in a sub-folder of --templates changes', async () => {
    const templates = join(dir, 'templates');
    cpSync(DEFAULT_TEMPLATES, templates, { recursive: true });
    const file = join(dir, 'unit.yaml');
    writeFileSync(file, reference);
    preview = await startPreview(file, { templatesDir: templates, debounceMs: 10 });
    const partial = join(templates, 'partials', 'signature.md.hbs');
    writeFileSync(partial, `${readFileSync(partial, 'utf8')}\n模板已改动 template changed\n`);
    await pageWith(preview, '模板已改动 template changed');
  });

  it('rebuilds when the shared catalog file the data names changes', async () => {
    const file = join(dir, 'unit.yaml');
    writeFileSync(join(dir, 'shared.yaml'), 'functional:\n  2150599: 共享名称甲\n');
    writeFileSync(file, reference.replace('\nbudget:', '\ncatalog:\n  file: shared.yaml\n\nbudget:'));
    preview = await startPreview(file, { debounceMs: 10 });
    await pageWith(preview, '共享名称甲');
    writeFileSync(join(dir, 'shared.yaml.new'), 'functional:\n  2150599: 共享名称乙\n');
    renameSync(join(dir, 'shared.yaml.new'), join(dir, 'shared.yaml'));
    await pageWith(preview, '共享名称乙');
  });

  it('lets other files in the data file’s folder be', async () => {
    const file = join(dir, 'unit.yaml');
    writeFileSync(file, reference);
    preview = await startPreview(file, { debounceMs: 10, onBuild: () => builds++ });
    expect(builds).toBe(1);
    writeFileSync(join(dir, 'other.yaml'), 'x: 1\n');
    writeFileSync(join(dir, 'unit.yaml~'), 'x: 1\n');
    await new Promise((r) => setTimeout(r, 300));
    expect(builds).toBe(1);
    writeFileSync(file, reference.replace('project: { general: 65 }', 'project: { general: 75 }'));
    await pageWith(preview, 'PROJECT_MISMATCH');
    expect(builds).toBeGreaterThanOrEqual(2);
  });
});
