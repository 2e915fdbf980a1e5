// Comparisons by 经济分类 with the prior year, where the data gives last year's figures
// (`prior.basic_economic`, `prior.project_economic`): each 类 and 款 of the general public budget's
// basic expenditure, and each 类 of its project expenditure, with the change and share Part 3 words.
import type { Decimal } from 'decimal.js';
import type { Catalog } from '../catalog/index.js';
import { PROJECT_ECONOMIC_CLASSES, type DisclosureData } from '../model.js';
import { change, type Change } from './change.js';
import { sum } from './money.js';
import { GROUPS } from './sources.js';
import { isPersonnel } from './tables.js';

type Amounts = Partial<Record<string, Decimal>>;

/** One 经济分类 code compared with the prior year. */
export interface EconomicChange {
  /** The code: 3 digits for a 类, 5 for a 款. */
  code: string;
  /** Its name (the catalog's, or the unit's `catalog:`). */
  name: string;
  /** This year's amount against last year's (null when last year had none), with its share of this year's total and its reason. */
  change: Change;
}

/** A 类 compared with the prior year, with its 款. */
export interface EconomicClassChange extends EconomicChange {
  /** Its 款 with a figure this year or last, in code order. */
  kinds: EconomicChange[];
}

/** The 款 (5-digit) amounts under `prefix` ('' for all): 3-digit keys are stated subtotals, never added. */
function under(amounts: Amounts, prefix: string): Decimal {
  return sum(Object.entries(amounts).filter(([c]) => c.length === 5 && c.startsWith(prefix)).map(([, v]) => v));
}

function has(amounts: Amounts, prefix: string): boolean {
  return Object.keys(amounts).some((c) => c.length === 5 && c.startsWith(prefix));
}

/**
 * Table 6 against last year's: basic expenditure in all, 人员经费, 公用经费, and each 类 with its 款.
 * Null when the data gives no `prior.basic_economic`.
 */
export function basicEconomicComparison(catalog: Catalog, current: Amounts, prior: Amounts | undefined, reasons: Partial<Record<string, string>> = {}) {
  if (!prior) return null;
  const whole = under(current, '');
  const part = (amounts: Amounts, personnel: boolean) =>
    sum(Object.entries(amounts).filter(([c]) => c.length === 5 && isPersonnel(c) === personnel).map(([, v]) => v));
  const kinds = [...new Set([...Object.keys(current), ...Object.keys(prior)].filter((c) => c.length === 5))].sort();
  const compare = (code: string): EconomicChange => ({
    code,
    name: catalog.name('economic', code) ?? code,
    change: change(under(current, code), has(prior, code) ? under(prior, code) : null, { whole, reason: reasons[code] }),
  });
  const classes: EconomicClassChange[] = [...new Set(kinds.map((c) => c.slice(0, 3)))].map((cls) => ({
    ...compare(cls),
    kinds: kinds.filter((k) => k.startsWith(cls)).map(compare),
  }));
  return {
    /** 一般公共预算基本支出 in all, against last year's. */
    total: change(whole, under(prior, '')),
    /** 人员经费 (经济分类 301 and 303), against last year's. */
    personnel: change(part(current, true), part(prior, true), { whole, reason: reasons.personnel }),
    /** 公用经费 (the other 经济分类), against last year's. */
    public: change(part(current, false), part(prior, false), { whole, reason: reasons.public }),
    /** Each 类 with a figure this year or last, in code order, with its 款. */
    classes,
  };
}

/**
 * Table 7's columns against last year's: general-public-budget project expenditure in all and by
 * 经济分类 类. Null when the data gives no `prior.project_economic`.
 */
export function projectEconomicComparison(catalog: Catalog, data: DisclosureData) {
  const prior = data.prior.project_economic;
  if (!prior) return null;
  const projects = data.projects.filter((p) => (GROUPS.general_budget as readonly string[]).includes(p.source));
  const current = (cls: string) => sum(projects.map((p) => p.economic[cls]));
  const whole = sum(PROJECT_ECONOMIC_CLASSES.map(current));
  return {
    /** 一般公共预算项目支出 in all (table 7's total), against last year's. */
    total: change(whole, sum(Object.values(prior))),
    /** Each 类 with a figure this year or last, in table 7's column order. */
    classes: PROJECT_ECONOMIC_CLASSES.filter((cls) => !current(cls).isZero() || prior[cls] !== undefined).map(
      (cls): EconomicChange => ({
        code: cls,
        name: catalog.name('economic', cls) ?? cls,
        change: change(current(cls), prior[cls] ?? null, { whole, reason: data.reasons.project_economic?.[cls] }),
      }),
    ),
  };
}
