// Classification codes as budget systems write them: three 类/款/项 cells (`208`, `05`, `02`),
// one cell (`2080502`, `208 05 02`), or inside the name (`[2080502]事业单位离退休`, `2080502 事业单位离退休`).

export interface SplitName {
  code?: string;
  name: string;
}

/** A code written in one cell: digits with optional spaces between the 类/款/项 parts. */
export function codeOf(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d[\d\s]*$/.test(t)) return undefined;
  return t.replace(/\s+/g, '');
}

/** A code written before the name, in brackets or followed by a space. */
export function splitName(text: string): SplitName {
  const t = text.trim();
  const m = /^[[【(（]?\s*(\d{3}(?:\s*\d{2}){0,2})\s*[\]】)）]?\s*[-—:：、.]?\s*(.*)$/.exec(t);
  if (m && (m[2] !== '' || /^[[【(（]/.test(t)) && (/[\]】)）]/.test(t.slice(0, m[1]!.length + 4)) || /\s/.test(t.slice(m[1]!.length, m[1]!.length + 1)) || m[2] === ''))
    return { code: m[1]!.replace(/\s+/g, ''), name: m[2]!.trim() };
  return { name: t };
}

/** Lengths a code of each classification may have. */
export const CODE_LENGTHS = { functional: [3, 5, 7], economic: [3, 5] } as const;
