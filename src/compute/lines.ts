// Budget lines with their derived parts filled in, so later steps never re-derive them.
import type { Decimal } from 'decimal.js';
import type { BudgetLine, SourceKey, SourceMap } from '../model.js';
import { sum } from './money.js';
import { addMaps, ofSources, total } from './sources.js';

export interface Line {
  code: string;
  name?: string;
  basic: SourceMap;
  personnel: SourceMap;
  public: SourceMap;
  project: SourceMap;
  all: SourceMap;
}

export function normalizeLines(lines: readonly BudgetLine[]): Line[] {
  return lines.map((l) => {
    const basic = l.basic ?? addMaps(l.personnel, l.public);
    const project = l.project ?? {};
    return {
      code: l.code,
      name: l.name,
      basic,
      personnel: l.personnel ?? {},
      public: l.public ?? {},
      project,
      all: addMaps(basic, project),
    };
  });
}

type Part = 'basic' | 'personnel' | 'public' | 'project' | 'all';

/** Sum over lines of one part, restricted to some sources (all sources when none given). */
export function lineSum(lines: readonly Line[], part: Part, keys?: readonly SourceKey[]): Decimal {
  return sum(lines.map((l) => (keys ? ofSources(l[part], keys) : total(l[part]))));
}
