// `yusuan diff --profile`: the two documents rendered as the profile words them, and their prose found
// by what a section holds (its class), not its place: the ten-table set's explanation is its 第二部分.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffFiles } from '../../src/diff/index.js';
import { formatDiffHtml } from '../../src/diff/format-html.js';
import { formatDiffText } from '../../src/diff/format-text.js';
import { ROOT } from '../draft/helpers.js';

const OLD = join(ROOT, 'tests/fixtures/golden/ten-tables-school/data.yaml');
const dir = mkdtempSync(join(tmpdir(), 'yusuan-diff-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NEW = join(dir, 'data.yaml');
const text = readFileSync(OLD, 'utf8');
if (!text.includes('参加课后服务的学生人数增加')) throw new Error('the school data changed: pick another reason');
writeFileSync(NEW, text.replace('参加课后服务的学生人数增加', '参加课后服务的学生人数大幅增加'));

describe('diff of ten-table documents', () => {
  const { diff } = diffFiles(OLD, NEW, { profile: 'ten-tables' });

  it('finds the changed sentence in the explanation, worded in 元, under the document’s own part number', () => {
    expect(diff!.parts).toEqual(['part-1', 'part-2']);
    expect(diff!.sentences).toHaveLength(1);
    const [change] = diff!.sentences;
    expect(change!.part).toBe('part-2');
    expect(change!.new).toContain('同比增加 30,000.00 元');
    expect(change!.new).toContain('学生人数大幅增加');
    const shown = formatDiffText(diff!, { oldName: 'old', newName: 'new' });
    expect(shown).toContain('第一部分 0 处，第二部分 1 处变化');
    expect(shown).toContain('第二部分 › 二、收入预算情况');
  });

  it('names the parts it compared when none changed', () => {
    const { diff: same } = diffFiles(OLD, OLD, { profile: 'ten-tables' });
    expect(formatDiffHtml(same!, { oldName: 'a', newName: 'a' })).toContain('第一部分和第二部分的句子没有变化');
  });

  it('names the table that prints a figure as the document’s own set numbers it', () => {
    const changed = join(dir, 'reception.yaml');
    if (!text.includes('  reception: { general: 0.80 }')) throw new Error('the school data changed: pick another figure');
    writeFileSync(changed, text.replace('  reception: { general: 0.80 }', '  reception: { general: 0.70 }'));
    const where = (profile?: string) => diffFiles(OLD, changed, { profile }).diff!.figures.find((f) => f.key === 'three_public.reception.general')?.tables;
    // The default set prints the 三公 in its 表10; the ten-table set in its 表7 (三公, 会议费 and 培训费 in one table).
    expect(where()).toEqual(['表10']);
    expect(where('ten-tables')).toEqual(['表7']);
  });
});
