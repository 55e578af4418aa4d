// A load asked for once per key, for what the page fetches: the first ask starts it, later ones
// share it, and a failure is forgotten, so that asking again tries again.
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
