// Golden fixtures: each folder under tests/fixtures/golden/ holds a data file and the Markdown it
// must render to (and the plain text, where the folder has an expected.txt); an options.json may
// name the profile it is rendered with. `npx vitest run -u` rewrites them after a deliberate template change.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, compute, documentText, loadTemplates, loadText, render } from '../src/index.js';

const root = fileURLToPath(new URL('./fixtures/golden/', import.meta.url));

describe.each(readdirSync(root))('golden %s', (name) => {
  const file = join(root, name, 'data.yaml');
  const loaded = loadText(readFileSync(file, 'utf8'), file);
  const optionsFile = join(root, name, 'options.json');
  const { profile } = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as { profile?: string };

  it('loads and checks without error', () => {
    expect(check(loaded).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it(`renders the expected Markdown${profile ? ` (profile ${profile})` : ''}`, async () => {
    const { markdown } = render(compute(loaded.data!), loadTemplates({ profile }));
    await expect(markdown).toMatchFileSnapshot(join(root, name, 'expected.md'));
  });

  it.runIf(existsSync(join(root, name, 'expected.txt')))('publishes the expected plain text', async () => {
    await expect(documentText(file, { profile })).toMatchFileSnapshot(join(root, name, 'expected.txt'));
  });
});

describe('county-bureau takes the branches the reference does not', () => {
  const file = join(root, 'county-bureau', 'data.yaml');
  const { markdown } = render(compute(loadText(readFileSync(file, 'utf8'), file).data!));
  const text = markdown.replace(/\s+/g, '');
  it.each([
    ['an increase', '一般公共预算299.75万元，占79.99%，比上年预算增加11.95万元，增长4.15%，主要原因是'],
    ['a new item with no prior-year figure', '上级一般公共预算安排的转移支付资金20.00万元，占5.34%，比上年预算增加20.00万元（上年未安排）'],
    ['a new 项', '其他发展与改革事务支出（项）：2025年预算数为20.00万元，比上年预算增加20.00万元（上年未安排）。'],
    ['a decrease of a source that is zero in the reference', '单位资金5.00万元，占1.33%，比上年预算减少3.00万元，下降37.50%'],
    ['a government-fund line', '2025年政府性基金预算拨款安排的支出50.00万元，比上年预算增加5.00万元，增长11.11%。'],
    ['a fund budget in Part 3 四', '收入包括一般公共预算拨款、政府性基金预算拨款，无国有资本经营预算。'],
    ['more than one project', '（二）项目名称：重点项目前期工作经费'],
    ['an administrative unit', '2025年的机关运行经费财政拨款预算62.25万元，比上年预算增加2.25万元，增长3.75%。'],
    ['staff increase and decrease', '在职26人，增加2人；退休12人，减少1人；离休0人，增加0人。'],
    ['subordinate units', '有下属预算单位1个（演示县价格认证中心）'],
  ])('%s', (_, sentence) => {
    expect(text).toContain(sentence);
  });
  it('does not state the government-fund table as empty', () => {
    expect(text).not.toContain('没有使用政府性基金预算拨款安排的支出');
  });
});
