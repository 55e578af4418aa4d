// What the page fetches and works out, once: a load asked for once per key (the first ask starts
// it, later ones share it, and a failure is forgotten, so that asking again tries again), and an
// answer kept for the same arguments as last time.
export function onceEach<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const pending = new Map<string, Promise<T>>();
  return (key) => {
    let p = pending.get(key);
    if (!p) {
      p = load(key);
      p.catch(() => pending.delete(key));
      pending.set(key, p);
    }
    return p;
  };
}

/**
 * `run` with its last answer kept: called again with arguments of the same key (`keyOf`), it gives
 * that answer without running; a failed answer is not kept.
 */
export function keepLast<A extends unknown[], T>(
  run: (...args: A) => Promise<T>,
  keyOf: (...args: A) => string,
): (...args: A) => Promise<T> {
  let last: { key: string; answer: Promise<T> } | undefined;
  return (...args) => {
    const key = keyOf(...args);
    if (last?.key === key) return last.answer;
    const kept = { key, answer: run(...args) };
    last = kept;
    kept.answer.catch(() => {
      if (last === kept) last = undefined;
    });
    return kept.answer;
  };
}
