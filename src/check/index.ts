// check: rules over loaded data, each returning findings; all of them run, so every problem is
// reported at once. Rules over the document (placeholders, markup) always run; rules over the
// figures need data that loaded without errors, since a dropped value would make every sum wrong.
import { compute, type View } from '../compute/index.js';
import { normalizeLines } from '../compute/lines.js';
import type { Finding } from '../findings.js';
import type { Loaded } from '../load/load.js';
import { DEFAULT_PROFILE, numberFormat, type Profile } from '../profile/index.js';
import type { TableLayouts } from '../tables/index.js';
import { balance } from './balance.js';
import { basicEconomic } from './basic-economic.js';
import { breakdowns } from './breakdowns.js';
import { budgetLines } from './budget-lines.js';
import { glossaryTerms, projectCategories } from './categories.js';
import { catalogCodes } from './catalog-codes.js';
import type { CheckContext, DataContext, DataRule, Rule } from './context.js';
import { controlCharacters } from './control-chars.js';
import { markupInText } from './markup.js';
import { meetingTraining } from './meeting-training.js';
import { placeholders } from './placeholders.js';
import { priorEconomic } from './prior-economic.js';
import { procurement } from './procurement.js';
import { projects } from './projects.js';
import { purposes } from './purposes.js';
import { reasonDirection } from './reason-direction.js';
import { reasons } from './reasons.js';
import { roundingNotes } from './rounding-notes.js';
import { staffing } from './staffing.js';
import { threePublic } from './three-public.js';
import { totalsMatch } from './totals-match.js';
import { years } from './years.js';

export { FINDING_CODES } from './codes.js';
export type { CheckContext, DataContext, DataRule, Rule } from './context.js';

export interface CheckOptions {
  /** Publication mode: draft placeholders and unconfirmed figures are errors. Default false. */
  strict?: boolean;
  /** How the document shows figures (unit, decimals): the rounding notes name the figures as shown. Default: the default profile (万元, 2 decimals). */
  profile?: Profile;
  /** The document's tables (tables.yaml, layered): notes name tables by their number in this set, and only those it prints. Default: the default eleven. */
  tables?: TableLayouts;
}

interface Named {
  name: string;
  rule: Rule | DataRule;
  needsData: boolean;
}

const doc = (name: string, rule: Rule): Named => ({ name, rule, needsData: false });
const data = (name: string, rule: DataRule): Named => ({ name, rule, needsData: true });

/** Every rule, in the order their findings are listed when positions tie. */
export const RULES: readonly Named[] = [
  doc('placeholders', placeholders),
  doc('markup', markupInText),
  doc('control-characters', controlCharacters),
  data('years', years),
  data('catalog-codes', catalogCodes),
  data('budget-lines', budgetLines),
  data('balance', balance),
  data('basic-economic', basicEconomic),
  data('projects', projects),
  data('three-public', threePublic),
  data('meeting-training', meetingTraining),
  data('staffing', staffing),
  data('procurement', procurement),
  data('totals-match', totalsMatch),
  data('rounding-notes', roundingNotes),
  data('reasons', reasons),
  data('reason-direction', reasonDirection),
  data('purposes', purposes),
  // The optional fields other regions print (issue 11).
  data('prior-economic', priorEconomic),
  data('breakdowns', breakdowns),
  data('project-categories', projectCategories),
  data('glossary', glossaryTerms),
];

function internal(ctx: CheckContext, what: string, error: unknown): Finding {
  return {
    code: 'INTERNAL_ERROR',
    severity: 'error',
    message: `yusuan 内部错误（${what}）：${(error as Error).message}。请将数据文件和此信息报告给维护者。 Internal error in ${what}; please report it.`,
    path: '',
    file: ctx.file,
  };
}

export function check(loaded: Loaded, options: CheckOptions = {}): Finding[] {
  return checkAndCompute(loaded, options).findings;
}

/**
 * `check`, and the view its rules were given (absent when the data did not load or compute failed):
 * `produce` renders that view rather than computing the same figures again. No rule changes it.
 */
export function checkAndCompute(loaded: Loaded, options: CheckOptions = {}): { findings: Finding[]; view?: View } {
  const ctx: CheckContext = { file: loaded.file, source: loaded.source, strict: options.strict ?? false, doc: loaded.doc, lineCounter: loaded.lineCounter };
  const found: Finding[] = [...loaded.findings];
  let dataCtx: DataContext | undefined;
  if (loaded.data) {
    try {
      const numbers = numberFormat(options.profile ?? DEFAULT_PROFILE);
      dataCtx = { ...ctx, data: loaded.data, view: compute(loaded.data), numbers, tables: options.tables, lines: normalizeLines(loaded.data.budget), prior: normalizeLines(loaded.data.prior.budget) };
    } catch (error) {
      found.push(internal(ctx, 'compute', error));
    }
  }
  for (const { name, rule, needsData } of RULES) {
    if (needsData && !dataCtx) continue;
    try {
      found.push(...(needsData ? (rule as DataRule)(dataCtx!) : (rule as Rule)(ctx)));
    } catch (error) {
      found.push(internal(ctx, `check/${name}`, error));
    }
  }
  return { findings: order(found), view: dataCtx?.view };
}

/** In file order (findings without a position first), stable otherwise. */
function order(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.pos?.start ?? -1) - (b.f.pos?.start ?? -1) || a.i - b.i)
    .map(({ f }) => f);
}
