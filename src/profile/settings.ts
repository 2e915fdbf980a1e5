// A profile's settings (profile.yaml in a template folder): how figures are shown. The data stays in
// 万元; the display unit, decimals, separators and the wording of a change against a zero prior
// year are the profile's. A folder's profile.yaml holds only the settings it changes.
import { isMap, LineCounter, parseDocument, type Node } from 'yaml';

export const PROFILE_FILE = 'profile.yaml';

export type DisplayUnit = '万元' | '元';
export type ShareRounding = 'each' | 'largest_remainder';

export interface Profile {
  /** Display unit of amounts: 万元 (as the data) or 元 (×10000, exactly). Default 万元. */
  unit: DisplayUnit;
  /** Decimals of an amount and of a rate (占 x%, 增长 x%). Default 2 and 2. */
  decimals: { amount: number; rate: number };
  /** Drop trailing zeros (0.20 → 0.2, 215.00 → 215, 146.20 → 146.2). Default false. */
  trim_zeros: boolean;
  /** Thousands separator of amounts, e.g. ","; empty for none. Default none. */
  thousands: string;
  /**
   * Wording of a change against a prior year of zero (no rate can be given): `{amount}` is the
   * change, `{unit}` the display unit. Default `增加 {amount} {unit}（上年未安排）`.
   */
  zero_prior: string;
  /**
   * Rounding of a group of shares of one whole (Part 3's income items, basic/project, the 类 of a
   * budget): `each` rounds each share on its own (the reference's way, default); `largest_remainder`
   * makes the shown shares sum to exactly 100.
   */
  shares: ShareRounding;
}

export const DEFAULT_PROFILE: Profile = {
  unit: '万元',
  decimals: { amount: 2, rate: 2 },
  trim_zeros: false,
  thousands: '',
  zero_prior: '增加 {amount} {unit}（上年未安排）',
  shares: 'each',
};

/** profile.yaml holds a value the settings do not allow; the message names the file, line and column. */
export class ProfileError extends Error {
  override name = 'ProfileError';
}

type Settings = { [K in keyof Profile]?: K extends 'decimals' ? Partial<Profile['decimals']> : Profile[K] };

/** The settings of one profile.yaml, checked; only the keys it has. */
export function parseProfile(text: string, file: string): Settings {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const at = (node: Node | null | undefined) => {
    const p = node?.range ? counter.linePos(node.range[0]) : undefined;
    return p ? `${file}:${p.line}:${p.col}` : file;
  };
  if (doc.errors.length) throw new ProfileError(`配置文件不是有效的 YAML ${at(null)}：${doc.errors[0]!.message} Not valid YAML.`);
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw new ProfileError(`配置文件应为键值映射 ${at(doc.contents as Node)}。 ${PROFILE_FILE} must be a mapping.`);
  const out: Settings = {};
  const fail = (node: unknown, key: string, zh: string, en: string): never => {
    throw new ProfileError(`配置项 ${key} ${zh}：${at(node as Node)}。 Setting ${key} in ${at(node as Node)}: ${en}.`);
  };
  const digits = (node: unknown, key: string): number => {
    const v = (node as { toJSON?: () => unknown })?.toJSON?.();
    return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 6 ? (v as number) : fail(node, key, '应为 0 至 6 的整数', 'expected an integer from 0 to 6');
  };
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { toJSON?: () => unknown })?.toJSON?.() ?? pair.key);
    const node = pair.value as Node;
    const value = (node as { toJSON?: () => unknown })?.toJSON?.();
    switch (key) {
      case 'unit':
        if (value !== '万元' && value !== '元') fail(node, key, '应为 万元 或 元', 'expected 万元 or 元');
        out.unit = value as DisplayUnit;
        break;
      case 'decimals': {
        if (!isMap(node)) fail(node, key, '应为 { amount, rate }', 'expected { amount, rate }');
        const d: Partial<Profile['decimals']> = {};
        for (const p of (node as unknown as { items: { key: unknown; value: unknown }[] }).items) {
          const k = String((p.key as { toJSON?: () => unknown })?.toJSON?.());
          if (k !== 'amount' && k !== 'rate') fail(p.key, `decimals.${k}`, '未知（可用 amount、rate）', 'unknown (amount, rate)');
          d[k as 'amount' | 'rate'] = digits(p.value, `decimals.${k}`);
        }
        out.decimals = d;
        break;
      }
      case 'trim_zeros':
        if (typeof value !== 'boolean') fail(node, key, '应为 true 或 false', 'expected true or false');
        out.trim_zeros = value as boolean;
        break;
      case 'thousands':
        if (typeof value !== 'string' || value.length > 1 || /[0-9.]/.test(value)) fail(node, key, '应为一个分隔字符或空', 'expected one separator character or empty');
        out.thousands = value as string;
        break;
      case 'zero_prior':
        if (typeof value !== 'string' || !value.includes('{amount}')) fail(node, key, '应为含 {amount} 的文字', 'expected text with {amount}');
        out.zero_prior = value as string;
        break;
      case 'shares':
        if (value !== 'each' && value !== 'largest_remainder') fail(node, key, '应为 each 或 largest_remainder', 'expected each or largest_remainder');
        out.shares = value as ShareRounding;
        break;
      default:
        fail(pair.key, key, '未知（可用 unit、decimals、trim_zeros、thousands、zero_prior、shares）', 'unknown (unit, decimals, trim_zeros, thousands, zero_prior, shares)');
    }
  }
  return out;
}

/** Settings layered over a profile, key by key (decimals field by field). */
export function withSettings(base: Profile, settings: Settings): Profile {
  return { ...base, ...settings, decimals: { ...base.decimals, ...settings.decimals } } as Profile;
}
