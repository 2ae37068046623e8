// Reads a TrueType font's character map and advance widths, so the chart measures text with the font it draws with.
// Pure: takes the font's bytes.

export interface FontMetrics {
  unitsPerEm: number;
  /** Every code point the font has a glyph for. */
  codePoints: ReadonlySet<number>;
  has(char: string): boolean;
  /** Width of a line of text at `size` px, without kerning (which only ever narrows a line here). */
  width(text: string, size: number): number;
}

export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    tables.set(tag, view.getUint32(at + 8));
  }
  const table = (tag: string): number => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const numberOfHMetrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advanceOf = (glyph: number): number => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  const glyphs = readCmap(view, table('cmap'));
  const codePoints = new Set(glyphs.keys());
  return {
    unitsPerEm,
    codePoints,
    has: (char) => glyphs.has(char.codePointAt(0) ?? -1),
    width(text, size) {
      let units = 0;
      for (const ch of text) units += advanceOf(glyphs.get(ch.codePointAt(0) ?? 0) ?? 0);
      return (units * size) / unitsPerEm;
    },
  };
}

/** Code point → glyph id, from the Unicode subtable: format 12 (full range) if present, else format 4 (BMP). */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const count = view.getUint16(cmap + 2);
  const subtables = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const at = cmap + 4 + i * 8;
    const platform = view.getUint16(at);
    const encoding = view.getUint16(at + 2);
    const offset = cmap + view.getUint32(at + 4);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) {
      subtables.set(view.getUint16(offset), offset);
    }
  }
  const out = new Map<number, number>();
  const f12 = subtables.get(12);
  const f4 = subtables.get(4);
  if (f12 !== undefined) {
    const groups = view.getUint32(f12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = f12 + 16 + g * 12;
      const [start, end, glyph] = [view.getUint32(at), view.getUint32(at + 4), view.getUint32(at + 8)];
      for (let c = start; c <= end; c++) out.set(c, glyph + c - start);
    }
  } else if (f4 !== undefined) {
    const segs = view.getUint16(f4 + 6) / 2;
    const ends = f4 + 14;
    const starts = ends + segs * 2 + 2;
    const deltas = starts + segs * 2;
    const rangeOffsets = deltas + segs * 2;
    for (let s = 0; s < segs; s++) {
      const start = view.getUint16(starts + s * 2);
      const end = view.getUint16(ends + s * 2);
      const delta = view.getInt16(deltas + s * 2);
      const rangeAt = rangeOffsets + s * 2;
      const range = view.getUint16(rangeAt);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph = range === 0 ? c : view.getUint16(rangeAt + range + 2 * (c - start));
        if (range !== 0 && glyph === 0) continue;
        glyph = (glyph + delta) & 0xffff;
        if (glyph !== 0) out.set(c, glyph);
      }
    }
  } else {
    throw new Error('font has no Unicode cmap');
  }
  return out;
}
