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

/** A code written before the name: in brackets (`[2080502]名称`), or followed by a space (`208 05 02 名称`). */
export function splitName(text: string): SplitName {
  const t = text.trim();
  const m = /^[[【(（]\s*(\d[\d\s]*?)\s*[\]】)）]\s*(.*)$/.exec(t) ?? /^(\d{3,}(?:\s\d{2})*)\s+(\S.*)$/.exec(t);
  return m ? { code: m[1]!.replace(/\s+/g, ''), name: m[2]!.trim() } : { name: t };
}
