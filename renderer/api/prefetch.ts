/**
 * Reads a screen will make when it opens, started earlier (when the window starts, when a tab
 * shows), so the answer is on its way or at hand by then. Each answer is given out once: the screen
 * reads again on later refreshes, so a stale answer lasts one paint. A failed read is forgotten: the
 * screen reads again and reports the error itself.
 */
interface Prefetched {
  answer: Promise<unknown>;
  arrived?: { value: unknown };
}

const prefetched = new Map<string, Prefetched>();

export function prefetch(key: string, read: () => Promise<unknown>): void {
  if (prefetched.has(key)) return;
  const entry: Prefetched = { answer: read() };
  entry.answer.then(
    (value) => void (entry.arrived = { value }),
    () => prefetched.get(key) === entry && prefetched.delete(key),
  );
  prefetched.set(key, entry);
}

/** The prefetched read, arrived or not; null when none was started. */
export function takePrefetched<T>(key: string): Promise<T> | null {
  const entry = prefetched.get(key);
  prefetched.delete(key);
  return (entry?.answer as Promise<T> | undefined) ?? null;
}

/** The prefetched answer if it has already arrived, for a screen's first paint; else null (and it stays). */
export function takeArrived<T>(key: string): T | null {
  const entry = prefetched.get(key);
  if (!entry?.arrived) return null;
  prefetched.delete(key);
  return entry.arrived.value as T;
}
