// 会议费 and 培训费 (`meeting:`, `training:`, optional) are checked like the 三公 items: a change
// needs a reason, a reason against the figure's direction is a warning, the figures are checked
// against table 6 (the bad-input corpus holds MEETING_TRAINING_MISMATCH), `draft` carries them into
// prior; a file without them computes zeros and is reported as before.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, compute, draftText, loadText } from '../../src/index.js';
import { REFERENCE_DATA } from '../helpers/reference.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/golden/ten-tables-school/data.yaml', import.meta.url));
const source = readFileSync(FIXTURE, 'utf8');
const findings = (text: string) => check(loadText(text, 'data.yaml'));
const positioned = (text: string) => findings(text).map((f) => [f.code, f.severity, f.path, f.pos?.line]);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.startsWith(needle)) + 1;

describe('会议费 and 培训费', () => {
  it('a change without a reason is MISSING_REASON, pointing at the figure', () => {
    const text = source.replace('  meeting: 压减会议数量，能合并的会议合并召开\n', '');
    expect(positioned(text)).toEqual([['MISSING_REASON', 'error', 'reasons.meeting', lineOf(text, 'meeting:')]]);
  });

  it('a reason speaking of the opposite direction is REASON_CONTRADICTS', () => {
    const text = source.replace('  training: 新增骨干教师外出研修\n', '  training: 压减培训次数\n');
    expect(positioned(text)).toEqual([['REASON_CONTRADICTS', 'warning', 'reasons.training', lineOf(text, '  training: 压减')]]);
  });

  it('only a change needs a reason: the prior year equal, none is asked for', () => {
    const text = source.replace('  meeting: { general: 0.80 }\n', '  meeting: { general: 0.60 }\n').replace('  meeting: 压减会议数量，能合并的会议合并召开\n', '');
    expect(findings(text)).toEqual([]);
  });

  it('the figure must hold table 6\'s 302 15, and no more than it and the projects\' 302', () => {
    const less = source.replace('meeting: { general: 0.60 }     # 会议费', 'meeting: { general: 0.50 }');
    expect(positioned(less)).toEqual([['MEETING_TRAINING_MISMATCH', 'error', 'meeting', lineOf(less, 'meeting:')]]);
    // 2.40 in table 6 and 152.60 of the general-public-budget projects' 302: up to 155.00.
    expect(findings(source.replace('training: { general: 6.40 }', 'training: { general: 155.00 }')).map((f) => f.code)).not.toContain('MEETING_TRAINING_MISMATCH');
    expect(findings(source.replace('training: { general: 6.40 }', 'training: { general: 155.01 }')).map((f) => f.code)).toContain('MEETING_TRAINING_MISMATCH');
  });

  it('without the keys, the view holds zeros, not stated', () => {
    const view = compute(loadText(readFileSync(REFERENCE_DATA, 'utf8'), REFERENCE_DATA).data!);
    expect(view.part3.meeting_training.stated).toBe(false);
    expect(view.part3.meeting_training.meeting.amount.isZero()).toBe(true);
    expect(view.tables.t10mt.meeting.every((x) => x.isZero())).toBe(true);
    expect(view.tables.t10mt.three_public.map((x) => x.toFixed(2))).toEqual(['0.71', '0.70', '0.70', '0.00', '0.00']);
  });

  it('draft carries this year\'s into prior, as it does 三公', () => {
    const { text } = draftText(source, { year: 2026 });
    const next = loadText(text!, 'draft.yaml').data!;
    expect(next.prior.meeting?.general?.toFixed(2)).toBe('0.60');
    expect(next.prior.training?.general?.toFixed(2)).toBe('6.40');
    expect(next.meeting?.general?.toFixed(2)).toBe('0.60');
  });
});
