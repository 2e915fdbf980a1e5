// compute: typed data → the view the templates read. Every figure is exact; templates round.
import { catalogFor } from '../catalog/index.js';
import type { Count, DisclosureData } from '../model.js';
import { isPlaceholder } from '../placeholder.js';
import { change } from './change.js';
import { normalizeLines } from './lines.js';
import { sum } from './money.js';
import {
  classesOf, expenditureComparison, generalBudgetLines, incomeComparison, projectCounts, threePublicComparison,
} from './part3.js';
import { performanceTables } from './performance.js';
import { GROUPS } from './sources.js';
import { basicProjectTable, splitBudgetTable, table1, table10, table11, table2, table4, table6, table7 } from './tables.js';

export type { Change } from './change.js';

export function compute(data: DisclosureData) {
  const lines = normalizeLines(data.budget);
  const prior = normalizeLines(data.prior.budget);
  const catalog = catalogFor(data);
  const t1 = table1(catalog, lines);
  const t6 = table6(catalog, data.basic_economic);
  const t10 = table10(data.three_public);
  const t7 = table7(catalog, data, lines);
  const [year, month, day] = data.unit.published.split('-').map(Number) as [number, number, number];
  // A draft's date or staffing change may still be a placeholder: the templates show it as is.
  const published = isPlaceholder(data.unit.published)
    ? { year: null, month: null, day: null, iso: null, placeholder: data.unit.published }
    : { year, month, day, iso: data.unit.published, placeholder: null };
  const staffing = data.overview.staffing;
  const count = (c: Count) =>
    typeof c.change === 'number'
      ? { ...c, up: c.change >= 0, abs: Math.abs(c.change), placeholder: null }
      : { ...c, up: true, abs: 0, placeholder: c.change };
  const priorCarryover = prior.length ? sum(prior.map((l) => sum(GROUPS.carryover.map((k) => l.all[k])))) : null;

  return {
    unit: {
      ...data.unit,
      isInstitution: data.unit.kind === 'institution',
      priorYear: data.unit.year - 1,
      published,
    },
    overview: {
      ...data.overview,
      staffing: {
        authorized: staffing.authorized,
        actual: staffing.actual ?? staffing.serving.count + staffing.retired.count + staffing.honorary_retired.count,
        serving: count(staffing.serving),
        retired: count(staffing.retired),
        honorary_retired: count(staffing.honorary_retired),
      },
    },
    tables: {
      t1,
      t2: table2(catalog, lines),
      t3: basicProjectTable(catalog, lines),
      t4: table4(catalog, lines),
      t5: basicProjectTable(catalog, lines, GROUPS.general_budget),
      t6,
      t7,
      t8: splitBudgetTable(catalog, lines, GROUPS.fund_budget),
      t9: splitBudgetTable(catalog, lines, GROUPS.state_capital_budget),
      t10,
      t11: table11(catalog, lines),
    },
    part3: {
      total: t1.total,
      income: incomeComparison(data, lines, prior),
      expenditure: expenditureComparison(data, lines, prior, undefined, data.reasons.expenditure),
      fiscal: {
        total: t1.groups.fiscal,
        general_budget: { total: t1.groups.general_budget, classes: classesOf(data, lines, GROUPS.general_budget) },
        fund_budget: { total: t1.groups.fund_budget, classes: classesOf(data, lines, GROUPS.fund_budget) },
        state_capital_budget: { total: t1.groups.state_capital_budget, classes: classesOf(data, lines, GROUPS.state_capital_budget) },
      },
      general_budget: {
        ...expenditureComparison(data, lines, prior, GROUPS.general_budget, data.reasons.general_budget),
        classes: classesOf(data, lines, GROUPS.general_budget),
        lines: generalBudgetLines(data, lines, prior),
      },
      fund_budget: { ...expenditureComparison(data, lines, prior, GROUPS.fund_budget), reason: data.reasons.fund_budget ?? null },
      state_capital_budget: { ...expenditureComparison(data, lines, prior, GROUPS.state_capital_budget), reason: data.reasons.state_capital_budget ?? null },
      basic: { total: t6.total, personnel: t6.personnel, public: t6.public, personnelNames: t6.personnelNames, publicNames: t6.publicNames },
      projects: t7.rows.length
        ? data.projects
            .filter((p) => (GROUPS.general_budget as readonly string[]).includes(p.source))
            .map((p) => ({ ...p, amount: sum(Object.values(p.economic)), owner: p.owner ?? data.unit.name, period: p.period ?? null }))
        : [],
      carryover: change(t1.groups.carryover, priorCarryover, { reason: data.reasons.carryover }),
      operating_expense: change(t6.public, data.prior.operating_expense, { reason: data.reasons.operating_expense }),
      three_public: threePublicComparison(data),
      procurement: { ...data.procurement, total: sum([data.procurement.goods, data.procurement.works, data.procurement.services]) },
      assets: {
        ...data.assets,
        vehicleCount: data.assets.vehicles.general.count + data.assets.vehicles.law_enforcement.count + data.assets.vehicles.other.count,
        vehicleValue: sum(Object.values(data.assets.vehicles).map((v) => v.value)),
      },
      projectCounts: projectCounts(data),
      performance: performanceTables(data.projects, data.unit.name),
      other_matters: data.other_matters ?? null,
    },
  };
}

export type View = ReturnType<typeof compute>;
