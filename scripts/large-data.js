// A large, valid data file for the benchmark: `lines` lines or a little more, every 项 of the
// bundled catalog that fits, with prior-year figures, reasons, projects and a matching table 6.
// Amounts have three decimals, so the tables carry plenty of rounding notes, as real exports do.
import { edition } from '../dist/catalog/index.js';

// The 2024 edition's codes (the catalog is data files per year since catalog/*.tsv).
const functional = Object.fromEntries(edition(2024).functional);
const economic = Object.fromEntries(edition(2024).economic);

/** The purposes of each 类 and the prior year's block, as both generators write them. */
function purposesAndPrior(classes, prior) {
  return `purposes:
${classes.map((c) => `  ${c}: 基本支出和项目支出`).join('\n')}
prior:
  budget:
${prior.join('\n')}
  operating_expense: 1000
  three_public:
    vehicle_operation: { general: 0.70 }
`;
}

export function largeData(lines = 2000) {
  const items = Object.keys(functional).filter((c) => c.length === 7).sort();
  const kinds = Object.keys(economic).filter((c) => c.length === 5 && !c.startsWith('30231')).sort();
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const milli = () => Math.round(10000 + rand() * 900000); // 10.000 … 910.000 万元 in thousandths
  const fmt = (m) => (m / 1000).toFixed(3);

  // About 6.2 lines of YAML per 项 (budget 2, prior 2, reason 1, a 5-line project on one in four).
  const count = Math.min(items.length, Math.max(10, Math.ceil((lines - 110) / 6.2)));
  const chosen = items.slice(0, count);
  const budget = [], prior = [], reasons = [], projects = [];
  let basicTotal = 0;
  chosen.forEach((code, i) => {
    const amount = milli();
    if (i % 4 === 3) {
      budget.push(`  - code: ${code}\n    project: { general: ${fmt(amount)} }`);
      projects.push(`  - name: 项目${i}\n    code: ${code}\n    economic: { 302: ${fmt(amount)} }\n    policy_basis: 依据${i}\n    allocation: 用于项目${i}。`);
    } else {
      budget.push(`  - code: ${code}\n    basic: { general: ${fmt(amount)} }`);
      basicTotal += amount;
    }
    const before = amount + (i % 2 ? 1500 : -1500);
    prior.push(`    - code: ${code}\n      ${i % 4 === 3 ? 'project' : 'basic'}: { general: ${fmt(before)} }`);
    reasons.push(`    ${code}: ${i % 2 ? '人员减少，支出相应减少' : '工资调整，支出相应增加'}`);
  });
  // Table 6: the basic total spread over economic 款, the last one taking the remainder.
  const economicLines = [];
  let left = basicTotal - 700;
  kinds.forEach((k, i) => {
    const share = i === kinds.length - 1 ? left : Math.floor(left / (kinds.length - i) * (0.5 + rand()));
    left -= share;
    economicLines.push(`  ${k}: ${fmt(share)}`);
  });
  economicLines.push('  30231: 0.700');
  const classes = [...new Set(chosen.map((c) => c.slice(0, 3)))];
  return `# 基准测试用的大数据文件（自动生成）
unit:
  name: 基准测试单位
  year: 2024
  published: 2024-03-01
  kind: institution
overview:
  functions: [承担基准测试。]
  departments: [综合部]
  staffing:
    authorized: 100
    serving: { count: 80, change: 0 }
    retired: { count: 20, change: 0 }
    honorary_retired: { count: 0, change: 0 }
budget:
${budget.join('\n')}
basic_economic:
${economicLines.join('\n')}
projects:
${projects.join('\n')}
three_public:
  vehicle_operation: { general: 0.70 }
procurement: { goods: 1, works: 0, services: 2, sme_reserved: 1, small_micro_reserved: 1 }
assets:
  building_area: 100
  building_value: 10
  vehicles:
    general: { count: 1, value: 20 }
    law_enforcement: { count: 0, value: 0 }
    other: { count: 0, value: 0 }
  furniture: 1
  other: 1
  equipment_over_50: 0
  equipment_over_100: 0
  planned: { vehicles: 0, equipment_over_50: 0, equipment_over_100: 0 }
${purposesAndPrior(classes, prior)}reasons:
  income:
    general: 人员和项目调整
  expenditure:
    basic: 人员调整
    project: 项目调整
  general_budget:
    basic: 人员调整
    project: 项目调整
  lines:
${reasons.join('\n')}
  operating_expense: 公用经费调整
`;
}

/**
 * A valid unit with `lines` budget lines and `projects` projects, for the growth bench: half the lines
 * (at most `projects` of them) are project lines, each the sum of its projects; the rest are basic.
 */
export function growthData({ lines, projects }) {
  const items = Object.keys(functional).filter((c) => c.length === 7).sort();
  if (lines > items.length) throw new Error(`at most ${items.length} lines`);
  const kinds = Object.keys(economic).filter((c) => c.length === 5 && !c.startsWith('30231')).sort();
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const milli = () => Math.round(10000 + rand() * 900000);
  const fmt = (m) => (m / 1000).toFixed(3);
  const chosen = items.slice(0, lines);
  const projectLines = Math.min(projects, Math.max(1, Math.floor(lines / 2)));
  const budget = [], prior = [], reasons = [], listed = [];
  let basicTotal = 0;
  chosen.forEach((code, i) => {
    let amount = 0;
    if (i < projectLines) {
      for (let p = i; p < projects; p += projectLines) {
        const a = milli();
        amount += a;
        listed.push(`  - name: 项目${p + 1}\n    code: ${code}\n    economic: { 302: ${fmt(a)} }\n    policy_basis: 依据第${p + 1}号文件\n    allocation: 用于项目${p + 1}的实施和管理。`);
      }
      budget.push(`  - code: ${code}\n    project: { general: ${fmt(amount)} }`);
    } else {
      amount = milli();
      budget.push(`  - code: ${code}\n    basic: { general: ${fmt(amount)} }`);
      basicTotal += amount;
    }
    prior.push(`    - code: ${code}\n      ${i < projectLines ? 'project' : 'basic'}: { general: ${fmt(amount + (i % 2 ? 1500 : -1500))} }`);
    reasons.push(`    ${code}: ${i % 2 ? '人员减少，支出相应减少' : '工资调整，支出相应增加'}`);
  });
  const economicLines = [];
  let left = basicTotal - 700;
  kinds.forEach((k, i) => {
    const share = i === kinds.length - 1 ? left : Math.floor((left / (kinds.length - i)) * (0.5 + rand()));
    left -= share;
    economicLines.push(`  ${k}: ${fmt(share)}`);
  });
  economicLines.push('  30231: 0.700');
  const base = largeData(10);
  const classes = [...new Set(chosen.map((c) => c.slice(0, 3)))];
  // The fixed sections (unit, overview, three_public, assets…) as largeData writes them.
  const section = (name) => new RegExp(`^${name}:.*\\n(?: .*\\n)*`, 'm').exec(base)?.[0] ?? '';
  return `# 增长基准测试用的数据文件（自动生成）：${lines} 行，${projects} 个项目
${section('unit')}${section('overview')}budget:
${budget.join('\n')}
basic_economic:
${economicLines.join('\n')}
projects:
${listed.join('\n')}
${section('three_public')}${section('procurement')}${section('assets')}${purposesAndPrior(classes, prior)}${section('reasons').replace(/  lines:\n(?:    .*\n)*/, `  lines:\n${reasons.join('\n')}\n`)}`;
}
