// Walking scored documents best first (higher score, then lower number), taking only as many as wanted.

/** Orders by score, then by place in the collection, as a stable sort of every scored document would. */
function better(score: Float64Array, a: number, b: number): boolean {
  return score[a]! > score[b]! || (score[a] === score[b] && a < b);
}

/** The best k of the candidates, best first, with a bounded heap: no sort of every scored document. */
export function topK(candidates: ArrayLike<number>, score: Float64Array, k: number): number[] {
  const heap: number[] = [];
  const worse = (i: number, j: number) => better(score, heap[j]!, heap[i]!);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let c = 0; c < candidates.length; c++) {
    const g = candidates[c]!;
    if (heap.length < k) {
      heap.push(g);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (better(score, g, heap[0]!)) {
      heap[0] = g;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(score, a, b) ? -1 : 1));
}

/** Score levels walked one pass each before the heap takes over: copies of one document share a level. */
const MAX_LEVELS = 16;

/** Scratch for a level's ties, grown as needed. */
let tiedBuf = new Int32Array(0);

/** The candidates scoring exactly s, into out; returns how many. */
function collectTied(candidates: ArrayLike<number>, score: Float64Array, s: number, out: Int32Array): number {
  let n = 0;
  for (let c = 0; c < candidates.length; c++) if (score[candidates[c]!] === s) out[n++] = candidates[c]!;
  return n;
}

/** The highest score below `above` among the candidates, or -Infinity. */
function levelBelow(candidates: ArrayLike<number>, score: Float64Array, above: number): number {
  let best = -Infinity;
  for (let c = 0; c < candidates.length; c++) {
    const s = score[candidates[c]!]!;
    if (s < above && s > best) best = s;
  }
  return best;
}

/**
 * Walks the candidates best first, asking for more only while `take` wants them: take returns false to stop.
 * A level of equal scores at a time, in one pass: a thousand copies of the best passage tie, and the heap
 * would be widened past all of them to reach the next distinct one. After a few levels the heap walks on,
 * starting with a few and widening by four.
 */
export function bestFirst(
  candidates: ArrayLike<number>,
  score: Float64Array,
  want: number,
  take: (g: number) => boolean,
  best?: number,
): void {
  let taken = 0;
  let above = Infinity;
  if (tiedBuf.length < candidates.length) tiedBuf = new Int32Array(candidates.length);
  for (let level = 0; level < MAX_LEVELS; level++) {
    // The caller may know the best score already: one pass fewer over every candidate.
    const s = level === 0 && best !== undefined ? best : levelBelow(candidates, score, above);
    if (s === -Infinity) return;
    const n = collectTied(candidates, score, s, tiedBuf);
    // A typed array sorts numbers natively: a level of ten thousand ties calls no comparator. Copied out:
    // take may start another search, which uses the buffer.
    const tied = tiedBuf.slice(0, n).sort();
    for (let i = 0; i < tied.length; i++) {
      if (!take(tied[i]!)) return;
      taken++;
    }
    above = s;
  }
  for (let k = Math.max(8, (taken + want) * 2); ; k *= 4) {
    const top = topK(candidates, score, k);
    const seenBefore = k === Math.max(8, (taken + want) * 2) ? taken : k / 4;
    for (let i = seenBefore; i < top.length; i++) if (!take(top[i]!)) return;
    if (top.length < k) return;
  }
}
