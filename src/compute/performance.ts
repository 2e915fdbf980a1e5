// The 项目支出绩效目标表: indicator rows with the rowspans of their 一级/二级 groups.
import type { Project } from '../model.js';
import { sum, ZERO } from './money.js';
import { GROUPS } from './sources.js';

export interface Span {
  /** The 一级 or 二级 indicator's text. */
  text: string;
  /** How many indicator rows it spans. */
  rowspan: number;
}

export function performanceTables(projects: readonly Project[], unitName: string) {
  return projects
    .filter((p) => p.performance)
    .map((p) => {
      const perf = p.performance!;
      const amount = sum(Object.values(p.economic));
      const fiscal = (GROUPS.fiscal as readonly string[]).includes(p.source);
      const rows = perf.indicators.map((ind, i, all) => {
        const startsGroup = (level: 'level1' | 'level2') =>
          i === 0 || all[i - 1]![level] !== ind[level] || (level === 'level2' && all[i - 1]!.level1 !== ind.level1);
        const spanOf = (level: 'level1' | 'level2'): Span | null => {
          if (!startsGroup(level)) return null;
          let n = 1;
          while (i + n < all.length && all[i + n]![level] === ind[level] && (level === 'level1' || all[i + n]!.level1 === ind.level1)) n++;
          return { text: ind[level], rowspan: n };
        };
        return {
          ...ind,
          /** The 一级指标 cell when this row starts its group; null on the rows it spans. */
          level1Span: spanOf('level1'),
          /** The 二级指标 cell when this row starts its group; null on the rows it spans. */
          level2Span: spanOf('level2'),
        };
      });
      return {
        /** 预算单位. */
        unit: unitName,
        /** 项目名称. */
        project: p.name,
        /** 项目负责人. */
        manager: perf.manager,
        /** 年度绩效目标. */
        goal: perf.goal,
        /** 项目资金: the project's budget. */
        amount,
        /** 其中：财政拨款. */
        fiscal: fiscal ? amount : ZERO,
        /** 其他资金. */
        other: fiscal ? ZERO : amount,
        /** One row an indicator. */
        rows,
      };
    });
}
