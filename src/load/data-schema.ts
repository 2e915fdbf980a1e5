// The data file's schema: validates on load and is emitted as schema/yusuan.schema.json for editors.
import { PROJECT_CATEGORIES, PROJECT_ECONOMIC_CLASSES, SOURCE_KEYS, STATED_TOTALS, THREE_PUBLIC_KEYS, type DisclosureData } from '../model.js';
import { isScalar } from 'yaml';
import { amount, code, date, int, list, object, oneOf, optional, record, text, type Schema } from './schema.js';

const sourceMap = (description: string) =>
  object<Record<string, unknown>>(
    Object.fromEntries(SOURCE_KEYS.map((k) => [k, optional(amount())])),
    `${description}，按资金来源（万元）`,
  );

const budgetLine = object({
  code: code([7], '功能分类 项 编码，如 2080502'),
  name: optional(text('项 名称：目录中没有该编码时必填，否则取目录名称')),
  basic: optional(sourceMap('基本支出（不分人员/公用）')),
  personnel: optional(sourceMap('基本支出：人员经费')),
  public: optional(sourceMap('基本支出：公用经费')),
  project: optional(sourceMap('项目支出')),
});

const count = object({ count: int({ min: 0, description: '人数' }), change: int({ description: '比上年增减人数（草稿中可为【待填写：增减人数】）', placeholder: true }) });

const threePublic = () =>
  object(Object.fromEntries(THREE_PUBLIC_KEYS.map((k) => [k, optional(sourceMap(k), () => ({}))])), '“三公”经费');

// One description for the four, so the JSON schema holds the map once.
const meetingOrTraining = sourceMap('会议费（meeting）或培训费（training），可选，与“三公”经费同列');

const indicator = object({
  level1: text('一级指标'),
  level2: text('二级指标'),
  name: text('三级指标'),
  target: text('指标值'),
  basis: text('指标值设置依据'),
  last_year: text('上年完成值'),
  weight: text('指标分值权重'),
  scoring: text('指标赋分规则'),
  evidence: text('佐证资料'),
});

const project = object({
  name: text('项目名称'),
  code: code([7], '功能分类 项 编码'),
  source: optional(oneOf(SOURCE_KEYS, '资金来源'), () => 'general'),
  economic: record(oneOf(PROJECT_ECONOMIC_CLASSES), amount(), '按经济分类 类 的金额（表 7 的列）'),
  policy_basis: text('设立的政策依据'),
  owner: optional(text('项目承担单位（默认为本单位）')),
  allocation: text('资金分配情况'),
  period: optional(text('资金执行时间（默认为预算年度 1 月-12 月）')),
  category: optional(oneOf(PROJECT_CATEGORIES, '项目类别（可选）：personnel 人员类 / operation 运转类 / specific 特定目标类')),
  performance: optional(
    object({
      manager: text('项目负责人'),
      goal: text('项目总体目标'),
      budget: optional(amount('年度预算总额（可选，须等于项目金额）')),
      indicators: list(indicator, '绩效指标'),
    }),
  ),
});

/** A unit's own codes (or renamings); the same shape is a shared catalog file's. */
export const catalogEntries = {
  functional: optional(record(code([3, 5, 7]), text(), '功能分类：编码 → 名称（类 3 位、款 5 位、项 7 位），补充或改名')),
  economic: optional(record(code([3, 5]), text(), '经济分类：编码 → 名称（类 3 位、款 5 位），补充或改名')),
};

const catalogBlock = object({
  file: optional(text('共享科目文件（YAML，含 functional:/economic:），路径相对于本数据文件；本块中的条目优先')),
  ...catalogEntries,
}, '本单位补充或改名的科目：表格和说明中一律使用这里的名称');

const vehicle = object({ count: int({ min: 0 }), value: amount() });

const procurementItems = {
  goods: amount('政府采购货物预算'),
  works: amount('政府采购工程预算'),
  services: amount('政府采购服务预算'),
};

const originalValue = object({
  total: amount('资产原值合计'),
  classes: list(object({ name: text('资产类别，如 房屋和构筑物、设备'), value: amount('该类资产原值') }), '按类别，各类之和须等于 total'),
}, '资产原值（可选）：按类别及合计，各类之和须等于合计');

/** A reason's key by 经济分类: personnel 人员经费, public 公用经费, or a 类 (3 digits) or 款 (5 digits) code. */
const economicReasonKey: Schema<string> = {
  parse(node, ctx, path) {
    const key = isScalar(node) ? String(node.value) : '';
    return key === 'personnel' || key === 'public' ? key : code([3, 5]).parse(node, ctx, path);
  },
  json: () => ({ anyOf: [{ enum: ['personnel', 'public'] }, code([3, 5]).json()] }),
};

const glossaryEntry = object({ term: text('名词'), definition: text('解释（不含名词本身）') });

export const dataSchema: Schema<DisclosureData> = object<DisclosureData>({
  unit: object({
    name: text('单位名称'),
    year: int({ min: 2000, description: '预算年度' }),
    published: date('公开日期'),
    kind: oneOf(['institution', 'administrative'] as const, 'institution 事业单位 / administrative 行政单位'),
  }),
  overview: object({
    functions: list(text(), '主要职能，每段一项'),
    subordinates: optional(list(text(), '下属预算单位'), () => []),
    departments: list(text(), '内设科室'),
    staffing: object({
      authorized: int({ min: 0, description: '编制数' }),
      actual: optional(int({ min: 0, description: '实有人数（可选，须等于在职+退休+离休）' })),
      serving: count,
      retired: count,
      honorary_retired: count,
    }),
  }),
  budget: list(budgetLine, '本年预算，按功能分类 项'),
  basic_economic: record(code([3, 5]), amount(), '一般公共预算基本支出，按经济分类 款（表 6）；3 位的键为填报的 类 小计，只用于核对，不计入合计'),
  projects: optional(list(project, '项目'), () => []),
  three_public: threePublic(),
  meeting: optional(meetingOrTraining),
  training: optional(meetingOrTraining),
  procurement: object({
    ...procurementItems,
    sme_reserved: amount('面向中小企业预留'),
    small_micro_reserved: amount('小微企业预留'),
    centralized: optional(amount('集中采购（可选，与 decentralized 之和须等于采购预算合计）')),
    decentralized: optional(amount('分散采购（可选）')),
    sources: optional(sourceMap('政府采购预算（可选，各来源之和须等于采购预算合计）')),
  }),
  assets: object({
    building_area: amount('房屋面积（平方米）'),
    building_value: amount('房屋价值'),
    vehicles: object({ general: vehicle, law_enforcement: vehicle, other: vehicle }),
    furniture: amount('办公家具价值'),
    other: amount('其他资产价值'),
    equipment_over_50: int({ min: 0, description: '单位价值 50 万元以上大型设备（台）' }),
    equipment_over_100: int({ min: 0, description: '单位价值 100 万元以上大型设备（套）' }),
    planned: object({
      vehicles: amount('本年预算购置车辆经费'),
      equipment_over_50: int({ min: 0 }),
      equipment_over_100: int({ min: 0 }),
    }),
    original_value: optional(originalValue),
  }),
  purposes: record(code([3]), text(), '一般公共预算支出按功能分类 类 的主要用途（第三部分四）'),
  other_matters: optional(text('其他需说明的事项（省略时模板写“本单位无其他需说明事项。”）')),
  glossary: optional(list(glossaryEntry, '本单位补充的名词解释（可选），排在第四部分内置条目之后')),
  prior: object({
    budget: list(budgetLine, '上年预算，按功能分类 项'),
    operating_expense: amount('上年运行经费'),
    three_public: threePublic(),
    meeting: optional(meetingOrTraining),
    training: optional(meetingOrTraining),
    staffing: optional(
      object({
        serving: optional(int({ min: 0, description: '上年在职人数' })),
        retired: optional(int({ min: 0, description: '上年退休人数' })),
        honorary_retired: optional(int({ min: 0, description: '上年离休人数' })),
      }, '上年人数（可选）：本年各 change 须等于本年人数减上年人数'),
    ),
    basic_economic: optional(record(code([3, 5]), amount(), '上年一般公共预算基本支出，按经济分类 款（可选）：之和须等于上年 budget 的一般公共预算基本支出')),
    project_economic: optional(record(oneOf(PROJECT_ECONOMIC_CLASSES), amount(), '上年一般公共预算项目支出，按经济分类 类（可选）：之和须等于上年 budget 的一般公共预算项目支出')),
    procurement: optional(object(procurementItems, '上年政府采购预算（可选）')),
  }),
  reasons: object({
    income: optional(record(oneOf(['general', 'general_transfer', 'fund', 'fund_transfer', 'state_capital', 'state_capital_transfer', 'special_account', 'unit', 'carryover_fiscal', 'carryover_nonfiscal'] as const), text()), () => ({})),
    expenditure: optional(record(oneOf(['basic', 'project'] as const), text()), () => ({})),
    general_budget: optional(record(oneOf(['basic', 'project'] as const), text()), () => ({})),
    lines: optional(record(code([7]), text()), () => ({})),
    fund_budget: optional(text()),
    state_capital_budget: optional(text()),
    carryover: optional(text()),
    operating_expense: optional(text()),
    three_public: optional(record(oneOf(THREE_PUBLIC_KEYS), text()), () => ({})),
    total: optional(text('收支总预算增减的主要原因（可选；填写时第三部分一说明增减）')),
    fiscal: optional(text('财政拨款收支总预算增减的主要原因（可选；填写时第三部分四说明增减）')),
    procurement: optional(text('政府采购预算增减的主要原因（与 prior.procurement 一起填）')),
    basic_economic: optional(record(economicReasonKey, text(), '按经济分类的增减原因（与 prior.basic_economic 一起填）：personnel 人员经费、public 公用经费、各类（3 位）；款（5 位）可选')),
    project_economic: optional(record(oneOf(PROJECT_ECONOMIC_CLASSES), text(), '项目支出按经济分类 类 的增减原因（与 prior.project_economic 一起填）')),
    meeting: optional(text('会议费增减的主要原因')),
    training: optional(text('培训费增减的主要原因')),
  }),
  catalog: optional(catalogBlock),
  totals: optional(
    object(
      Object.fromEntries(Object.entries(STATED_TOTALS).map(([k, d]) => [k, optional(amount(d))])),
      '填报的合计数（可选，如从预算系统抄录）：只用于核对，须等于计算结果；表中始终显示计算结果',
    ),
  ),
});
