// One-dimensional label placement: each label wants to sit at its mark's height; overlapping labels are merged
// into blocks centred on their marks (order kept), so no two boxes overlap and each stays as near its mark as it can.

export interface LabelWish {
  /** Where the label's anchor (its top line) would ideally be. */
  want: number;
  height: number;
}

export interface Placed {
  top: number;
  height: number;
}

/** Tops for labels given in the order they should appear, with at least `gap` between boxes and none above `minTop`. */
export function layoutLabels(wishes: readonly LabelWish[], gap: number, minTop: number): Placed[] {
  interface Block {
    first: number;
    count: number;
    top: number;
    height: number;
  }
  const blocks: Block[] = [];
  // offsets[i]: label i's distance from its block's top.
  const offsets: number[] = [];
  const idealTop = (b: Block): number => {
    let sum = 0;
    for (let i = b.first; i < b.first + b.count; i++) sum += wishes[i]!.want - offsets[i]!;
    return Math.max(minTop, sum / b.count);
  };
  wishes.forEach((w, i) => {
    offsets[i] = 0;
    let block: Block = { first: i, count: 1, top: Math.max(minTop, w.want), height: w.height };
    // Merge with the block above while they overlap; the merged block re-centres, which can reach further up.
    for (let above = blocks.at(-1); above && above.top + above.height + gap > block.top; above = blocks.at(-1)) {
      blocks.pop();
      for (let j = block.first; j < block.first + block.count; j++) offsets[j]! += above.height + gap;
      block = {
        first: above.first,
        count: above.count + block.count,
        top: 0,
        height: above.height + gap + block.height,
      };
      block.top = idealTop(block);
    }
    blocks.push(block);
  });
  const placed: Placed[] = [];
  for (const b of blocks) {
    for (let i = b.first; i < b.first + b.count; i++)
      placed.push({ top: b.top + offsets[i]!, height: wishes[i]!.height });
  }
  return placed;
}

/** Whether two axis-aligned boxes share any area. */
export function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
