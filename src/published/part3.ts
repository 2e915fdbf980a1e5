// Part 3's sentences as figure mentions: each amount (`X万元`) with what it is of, its share
// (`占Y%`), its change on last year (`比上年预算增加/减少D万元`), the rate (`增长/下降R%`) and the
// reason (`主要原因是…`), in the section (`五、关于…`) and sub-heading (`（三）`) it was printed in.
import { cents } from './figures.js';
import type { Direction, Fig, Mention } from './model.js';
import { whereAt, type Run } from './text-runs.js';

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
export function cnNumber(s: string): number {
  if (s.length === 1) return CN[s] ?? 0;
  if (s[0] === '十') return 10 + (CN[s[1]!] ?? 0);
  return (CN[s[0]!] ?? 0) * 10 + (s[1] === '十' ? CN[s[2]!] ?? 0 : 0);
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
/** An amount in 元 may have thousands separators (`14,414,800.00`; the ten-tables profile). */
const NUM_YUAN = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
/** Amounts in `currency` (万元, or 元 as the ten-tables profile prints), a change `比上年（预算）` or `同比`. */
function elements(currency: Currency): RegExp {
  const num = currency === '元' ? NUM_YUAN : NUM;
  return new RegExp(
    [
      // `上年未安排，本年新增 X 元` (ten-tables): a new item, as the default's `增加X万元（上年未安排）`.
      String.raw`(?<change>(?:(?:比上年(?:预算)?|同比)?(?<cword>增加|减少)|(?<fresh>上年未安排，本年新增))${num}${currency})`,
      String.raw`(?<rate>(?<rword>增长|下降|增加|减少)${NUM}%)`,
      String.raw`(?<share>占${NUM}%)`,
      String.raw`(?<amount>${num}${currency})`,
      String.raw`(?<reason>主要原因(?:是|为|：)?)`,
    ].join('|'),
    'g',
  );
}
export type Currency = '万元' | '元';
const DIRECTION: Record<string, Direction> = { 增加: 'up', 增长: 'up', 减少: 'down', 下降: 'down' };

export interface Section {
  no: number;
  start: number;
  title: string;
}

export function sections(run: Run): Section[] {
  const out: Section[] = [];
  for (const m of run.text.matchAll(/([一二三四五六七八九十]{1,3})、(关于[^。]*?说明|其他重要事项的情况说明|其他重要事项)/g))
    out.push({ no: cnNumber(m[1]!), start: m.index!, title: m[0] });
  if (out.some((s) => s.title.includes('关于'))) return out;
  // Headings without 关于…说明 (the ten-tables profile: `八、“三公”经费、会议费、培训费预算情况`), in
  // another order: numbered as the default's sections they correspond to, so that audit reads them alike.
  const own: Section[] = [];
  for (const m of run.text.matchAll(/([一二三四五六七八九十]{1,3})、([^。，；：（(]{2,24}?情况(?:说明)?)/g)) {
    const title = m[0];
    const no = /三公/.test(title) ? 10 : /政府性基金/.test(title) ? 8 : /国有资本经营/.test(title) ? 9 : /结转结余/.test(title) ? 11 : /其他重要事项/.test(title) ? 12 : cnNumber(m[1]!);
    own.push({ no, start: m.index!, title });
  }
  return own.length >= 3 ? own : out;
}

export function readMentions(run: Run, unit: string | undefined, year: number | undefined, currency: Currency = '万元'): Mention[] {
  const text = run.text;
  const ELEMENT = elements(currency);
  const secs = sections(run);
  const subs = [...text.matchAll(/[（(]([一二三四五六七八九十]{1,2})[)）]/g)].map((m) => ({ at: m.index!, no: cnNumber(m[1]!) }));
  const sectionAt = (i: number) => [...secs].reverse().find((s) => s.start <= i);
  const subAt = (i: number, sec: Section | undefined) => [...subs].reverse().find((s) => s.at <= i && (!sec || s.at >= sec.start))?.no ?? 0;
  const fig = (t: string, i: number): Fig => ({ text: t, cents: cents(t) ?? 0, ...whereAt(run, i) });

  const mentions: Mention[] = [];
  // Sentences end at 。 or ；, and at a heading (the text runs headings into the paragraph after them).
  const stops = new Set<number>(secs.map((s) => s.start + s.title.length));
  for (const s of subs) stops.add(s.at);
  let sentenceStart = 0;
  let segStart = 0; // start of the text a subject may be taken from
  let current: Mention | undefined;
  let lastChanged: Mention | undefined;
  const sentenceEnd = (i: number) => {
    const m = /[。；]/g;
    m.lastIndex = i;
    const e = m.exec(text)?.index ?? text.length;
    const next = [...stops].filter((s) => s > i && s < e);
    return Math.min(e + 1, ...next);
  };
  const subjectBefore = (i: number): string => {
    let s = text.slice(segStart, i);
    let cut = Math.max(s.lastIndexOf('，'), s.lastIndexOf('：'), s.lastIndexOf('。'), s.lastIndexOf('；'));
    let subject = s.slice(cut + 1);
    // `…（项）：2024年预算数为44.73万元`: the subject is before the colon.
    if (/^(\d{4}年)?(预算数?为?|为)?$/.test(subject) && cut >= 0) {
      s = s.slice(0, cut);
      cut = Math.max(s.lastIndexOf('，'), s.lastIndexOf('：'), s.lastIndexOf('。'), s.lastIndexOf('；'));
      subject = s.slice(cut + 1);
    }
    return normaliseSubject(subject, unit, year);
  };
  for (const m of text.matchAll(ELEMENT)) {
    const i = m.index!;
    const g = m.groups!;
    while (i >= sentenceEnd(sentenceStart) && sentenceStart < text.length) {
      sentenceStart = sentenceEnd(sentenceStart);
      segStart = Math.max(segStart, sentenceStart);
      current = undefined;
    }
    const sec = sectionAt(i);
    const quote = () => text.slice(sentenceStart, sentenceEnd(sentenceStart));
    const start = (subject: string): Mention => {
      const mention: Mention = { section: sec?.no ?? 0, sub: subAt(i, sec), subject, quote: quote(), offset: i, ...whereAt(run, i) };
      mentions.push(mention);
      return mention;
    };
    // A sub-heading `（一）…情况` runs into its first sentence: the subject starts after it.
    const sub = subs.find((x) => x.at >= segStart && x.at < i);
    if (sub) {
      const end = text.indexOf('情况', sub.at);
      if (end >= 0 && end < i) {
        segStart = end + 2;
        sentenceStart = Math.max(sentenceStart, segStart);
      }
    }
    const between = text.slice(segStart, i);
    if (g.amount) {
      current = start(subjectBefore(i));
      current.amount = fig(m[0].slice(0, -currency.length), i);
    } else if (g.change) {
      const own = /^[，,]?(比上年(预算)?|同比)?$/.test(between) || /^[，,]$/.test(between);
      if (!current || current.change || !own) current = start(subjectBefore(i).replace(/(比上年(预算)?|同比)$/, ''));
      const numText = new RegExp(`([\\d,]+(?:\\.\\d+)?)${currency}$`).exec(m[0])![1]!;
      const isNew = !!g.fresh || /^[（(]上年(未安排|无此项|无)[)）]/.test(text.slice(i + m[0].length));
      const word = g.cword ?? '增加';
      current.change = { word, dir: DIRECTION[word]!, fig: fig(numText, i + m[0].indexOf(numText)), ...(isNew ? { isNew } : {}) };
      lastChanged = current;
    } else if (g.rate) {
      const target = current?.change && !current.rate ? current : lastChanged && !lastChanged.rate ? lastChanged : undefined;
      const numText = m[0].slice(2, -1);
      if (target) target.rate = { word: g.rword!, dir: DIRECTION[g.rword!]!, fig: fig(numText, i + 2) };
    } else if (g.share) {
      if (current && !current.share) current.share = fig(m[0].slice(1, -1), i + 1);
    } else if (g.reason) {
      const end = /[。；]/g;
      end.lastIndex = i;
      const e = end.exec(text)?.index ?? text.length;
      const target = lastChanged && !lastChanged.reason ? lastChanged : undefined;
      if (target) target.reason = text.slice(i + m[0].length, e);
    }
    segStart = i + m[0].length;
  }
  return mentions;
}

/** `1、社会保障和就业支出（类）` keeps its words; the unit's name, the year and numbering go. */
export function normaliseSubject(s: string, unit: string | undefined, year: number | undefined): string {
  let t = s;
  if (unit) t = t.split(unit).join('');
  if (year) t = t.replace(new RegExp(`^${year}年(的)?`), '').replace(new RegExp(`${year}年(的)?`), '');
  return t
    .replace(/^[、，,]+/, '') // the list's separator before an item (`…万元、政府性基金预算拨款60.00万元`)
    .replace(/^([(（]?[一二三四五六七八九十\d]+[)）、.．])+/, '')
    .replace(/^(其中|包括)[：:]?/, '')
    .replace(/[，、：]$/, '')
    .replace(/(预算数?|数)?为$/, (m, p) => (p ? '预算' : ''))
    .replace(/预算预算$/, '预算');
}
