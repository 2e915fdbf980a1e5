// 项目类别 and the unit's glossary. Where some projects give a category, every project must, or a
// template summing by category silently leaves one out; a term defined twice is printed twice.
import type { Finding } from '../findings.js';
import { finding, type DataRule } from './context.js';

export const projectCategories: DataRule = (ctx) => {
  const { projects } = ctx.data;
  const given = projects.filter((p) => p.category).length;
  if (given === 0 || given === projects.length) return [];
  return projects.flatMap((p, i) =>
    p.category
      ? []
      : [finding(ctx, 'MISSING_CATEGORY', 'warning',
          `projects[${i}]“${p.name}”没有项目类别 category，而其他 ${given} 个项目有：请填写 personnel（人员类）、operation（运转类）或 specific（特定目标类）。 ` +
            `Other projects give a category (personnel, operation or specific); this one does not.`, `projects[${i}].name`, { prefer: 'key' })],
  );
};

export const glossaryTerms: DataRule = (ctx) => {
  const out: Finding[] = [];
  const seen = new Map<string, number>();
  (ctx.data.glossary ?? []).forEach((entry, i) => {
    const term = entry.term.trim();
    const first = seen.get(term);
    if (first === undefined) seen.set(term, i);
    else
      out.push(finding(ctx, 'DUPLICATE_TERM', 'warning',
        `glossary[${i}].term 名词“${term}”与 glossary[${first}] 重复：第四部分将解释两次。 The term "${term}" is defined twice.`, `glossary[${i}].term`));
  });
  return out;
};
