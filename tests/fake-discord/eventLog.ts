// A growing list that tests can wait on, so no test has to sleep and hope.
export class EventLog<T> {
  readonly items: T[] = [];
  readonly #listeners = new Set<() => void>();

  push(item: T): void {
    this.items.push(item);
    for (const listener of [...this.#listeners]) listener();
  }

  /** Resolves with the first item, past or future, that matches. */
  async waitFor(matches: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    return this.#until(() => this.items.find(matches), timeoutMs, what);
  }

  /** Resolves once `count` items, past or future, match. */
  async waitForCount(matches: (item: T) => boolean, count: number, timeoutMs: number, what: string): Promise<T[]> {
    return this.#until(
      () => {
        const found = this.items.filter(matches);
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
      `${count} × ${what}`,
    );
  }

  #until<R>(check: () => R | undefined, timeoutMs: number, what: string): Promise<R> {
    const already = check();
    if (already !== undefined) return Promise.resolve(already);
    return new Promise<R>((resolve, reject) => {
      const listener = (): void => {
        const found = check();
        if (found === undefined) return;
        this.#listeners.delete(listener);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.#listeners.add(listener);
    });
  }
}
