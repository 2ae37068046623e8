// Which of many terms occur in a text, in one pass: a trie of the terms walked from each position.

export class TermFinder {
  private readonly children: Array<Map<number, number>> = [new Map<number, number>()];
  private readonly termAt: number[] = [-1];

  constructor(readonly terms: readonly string[]) {
    terms.forEach((t, id) => {
      let node = 0;
      for (let i = 0; i < t.length; i++) {
        const ch = t.charCodeAt(i);
        let next = this.children[node]!.get(ch);
        if (next === undefined) {
          next = this.children.length;
          this.children.push(new Map<number, number>());
          this.termAt.push(-1);
          this.children[node]!.set(ch, next);
        }
        node = next;
      }
      if (t.length > 0) this.termAt[node] = id;
    });
  }

  /** Calls found(id) for each term occurring in the text, once per occurrence. */
  scan(text: string, found: (id: number) => void): void {
    const { children, termAt } = this;
    for (let i = 0; i < text.length; i++) {
      let node = 0;
      for (let j = i; j < text.length; j++) {
        const next = children[node]!.get(text.charCodeAt(j));
        if (next === undefined) break;
        node = next;
        const id = termAt[node]!;
        if (id >= 0) found(id);
      }
    }
  }
}
