// Long texts for the benchmark's hostile-size cases: the reference data file with a long
// `other_matters` paragraph (Part 3), made of common characters in a pseudo-random order, so no
// two texts of different seeds share more than chance does.
import { readFileSync } from 'node:fs';

const CHARS = '预算支出收入增加减少万元单位项目资金经费基本公用人员工资福利商品服务采购资产车辆会议培训维护运行管理信息系统建设财政拨款上年结转政府性基金国有资本经营事业其他合计本年度主要原因是因为调整';

/** `length` characters (no sentence mark inside), then 。 — one sentence, as the diff splits it. */
export function longSentence(length, seed = 1) {
  let s = seed;
  const out = [];
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0; // 32-bit: a product past 2^53 would lose digits
    out.push(CHARS[(s >>> 16) % CHARS.length]); // the high bits: the low ones of this generator cycle fast
  }
  return out.join('') + '。';
}

/** `sentences` sentences of `each` characters (about 3 bytes each in UTF-8). */
export function longText(sentences, each, seed = 1) {
  return Array.from({ length: sentences }, (_, i) => longSentence(each, seed + i)).join('');
}

/** The reference data file with `text` as its other matters (第三部分 其他需说明事项). */
export function referenceWith(referenceFile, text) {
  return `${readFileSync(referenceFile, 'utf8').trimEnd()}\nother_matters: "${text}"\n`;
}
