// Placeholders: a value still to be written in a draft, as `【待填写：说明】` anywhere in a text value
// (or as the whole value where a date or a count is expected). The document shows each one as is,
// highlighted, and `check --strict` refuses to publish a file that still has one.

/** A value still to be filled in, e.g. `【待填写：公开日期】`. */
export type Placeholder = `【待填写${string}】`;

const SOURCE = '【待填写(?:[：:][^】\\n]*)?】';

/** Every placeholder inside a text. A new RegExp per call: the `g` flag makes a RegExp stateful. */
export function placeholderPattern(): RegExp {
  return new RegExp(SOURCE, 'g');
}

const WHOLE = new RegExp(`^${SOURCE}$`);

/** True when the whole value is one placeholder. */
export function isPlaceholder(value: unknown): value is Placeholder {
  return typeof value === 'string' && WHOLE.test(value.trim());
}

/** True when a text contains a placeholder anywhere. */
export function hasPlaceholder(text: string): boolean {
  return placeholderPattern().test(text);
}

/** `【待填写：说明】`; a `】` inside the note would end it early, so it becomes `]`. */
export function placeholder(note: string): Placeholder {
  return `【待填写：${note.replace(/】/g, ']').replace(/\s*\n\s*/g, ' ')}】`;
}
