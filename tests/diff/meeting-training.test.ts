// `yusuan diff` shows 会议费 and 培训费 beside the 三公: in the summary (财政拨款, as Part 3 compares
// them), as stated figures by source (with the table that prints them: 表7 of the 10-table set), as
// a prior-year base, and their reasons.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffFiles } from '../../src/diff/index.js';
import { formatDiffText } from '../../src/diff/format-text.js';
import { printed, printedChange } from '../../src/diff/summary.js';
import { ensureBuilt, yusuan } from '../draft/built-cli.js';
import { ROOT } from '../draft/helpers.js';

const OLD = join(ROOT, 'tests/fixtures/golden/ten-tables-school/data.yaml');
const dir = mkdtempSync(join(tmpdir(), 'yusuan-diff-mt-'));
const NEW = join(dir, 'data.yaml');

function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`no ${from} in the school's data`);
  return text.replace(from, to);
}

// 会议费 0.60 → 1.10 (0.50 more from the projects' 302), 培训费 6.40 → 5.00 (still over 302 16's 2.40),
// last year's 会议费 0.80 → 0.70, and a new reason for 会议费.
let text = readFileSync(OLD, 'utf8');
text = replace(text, 'meeting: { general: 0.60 }', 'meeting: { general: 1.10 }');
text = replace(text, 'training: { general: 6.40 }', 'training: { general: 5.00 }');
text = replace(text, '  meeting: { general: 0.80 }', '  meeting: { general: 0.70 }');
text = replace(text, '  meeting: 压减会议数量，能合并的会议合并召开', '  meeting: 新增校本教研会议');
writeFileSync(NEW, text);

beforeAll(() => ensureBuilt(), 120_000);

describe('diff of 会议费 and 培训费', () => {
  const result = diffFiles(OLD, NEW, { profile: 'ten-tables' });

  it('both files have no errors', () => {
    expect(result.diff).toBeDefined();
  });

  it('the summary has 会议费 and 培训费 after the 三公, as Part 3 compares them', () => {
    const keys = result.diff!.summary.map((r) => r.key);
    expect(keys.slice(keys.indexOf('three_public'))).toEqual([
      'three_public', 'three_public.vehicle_operation', 'three_public.reception', 'meeting', 'training', 'operating_expense',
    ]);
    const row = (key: string) => result.diff!.summary.find((r) => r.key === key)!;
    expect([printed(row('meeting').old), printed(row('meeting').new), printedChange(row('meeting').change)]).toEqual(['0.60', '1.10', '+0.50']);
    expect([printed(row('training').old), printed(row('training').new), printedChange(row('training').change)]).toEqual(['6.40', '5.00', '-1.40']);
  });

  it('each stated figure by source, with the table of the 10-table set that prints it; last year’s base too', () => {
    const figure = (key: string) => result.diff!.figures.find((f) => f.key === key);
    expect(figure('meeting.general')).toMatchObject({ label: '会议费 · 一般公共预算', group: '会议费、培训费', tables: ['表7'], status: 'changed' });
    expect(figure('training.general')).toMatchObject({ label: '培训费 · 一般公共预算', tables: ['表7'], status: 'changed' });
    expect(figure('prior.meeting.general')).toMatchObject({ label: '会议费 · 一般公共预算', tables: ['第二部分'], status: 'changed' });
    expect(String(figure('meeting.general')!.difference)).toBe('0.5');
  });

  it('the default tables print neither: no table is named', () => {
    const plain = diffFiles(OLD, NEW).diff!;
    expect(plain.figures.find((f) => f.key === 'meeting.general')).toMatchObject({ tables: [] });
  });

  it('the changed reason is labelled 会议费', () => {
    expect(result.diff!.reasons.find((r) => r.key === 'reasons.meeting')).toMatchObject({ label: '会议费', new: '新增校本教研会议' });
  });

  it('the text shows the rows', () => {
    const out = formatDiffText(result.diff!, {});
    expect(out).toMatch(/^ {2}会议费 +0\.60 +1\.10 +\+0\.50 +\+83\.33%$/m);
    expect(out).toMatch(/^ {2}培训费 +6\.40 +5\.00 +-1\.40 +-21\.88%$/m);
  });

  it('yusuan diff prints them', () => {
    const run = yusuan(['diff', OLD, NEW, '--templates', join(ROOT, 'profiles/ten-tables')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ {2}会议费 +0\.60 +1\.10 +\+0\.50/m);
    expect(run.stdout).toMatch(/^ {2}会议费 · 一般公共预算 +0\.60 → 1\.10 +\+0\.50 +表7$/m);
  });
});
