// Edits to the source text as splices, so that everything the draft does not touch — comments,
// their alignment, key order, quoting, blank lines — stays byte for byte as the officer wrote it.

export interface Splice {
  start: number;
  end: number;
  text: string;
}

function sorted(splices: readonly Splice[]): Splice[] {
  const out = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  out.forEach((s, i) => {
    const prev = out[i - 1];
    if (prev && s.start < prev.end) throw new Error(`overlapping edits at ${prev.start}-${prev.end} and ${s.start}-${s.end}`);
  });
  return out;
}

/** Applies splices whose offsets are relative to `base` within a larger text. */
export function applySplices(text: string, splices: readonly Splice[], base = 0): string {
  let out = '';
  let at = 0;
  for (const s of sorted(splices)) {
    out += text.slice(at, s.start - base) + s.text;
    at = s.end - base;
  }
  return out + text.slice(at);
}

/** Where an offset of the old text lands in the new one; undefined inside a replaced stretch. */
export function offsetMapper(splices: readonly Splice[]): (offset: number) => number | undefined {
  const list = sorted(splices);
  return (offset) => {
    let shift = 0;
    for (const s of list) {
      if (s.end <= offset) shift += s.text.length - (s.end - s.start);
      else if (s.start <= offset) return undefined;
      else break;
    }
    return offset + shift;
  };
}

/** Splices wholly inside [start, end). */
export function within(splices: readonly Splice[], start: number, end: number): Splice[] {
  return splices.filter((s) => s.start >= start && s.end <= end);
}
