import { describe, expect, it } from 'vitest';
import { prefetch, takeArrived, takePrefetched } from '../../renderer/api/prefetch';

const later = <T,>(value: T) => {
  let resolve!: () => void;
  const promise = new Promise<T>((done) => (resolve = () => done(value)));
  return { promise, resolve };
};

describe('reads asked for before a screen opens', () => {
  it('are made once and given out once, so a later refresh reads afresh', async () => {
    let reads = 0;
    const read = () => Promise.resolve(++reads);
    prefetch('figures', read);
    prefetch('figures', read);
    expect(reads).toBe(1);
    await expect(takePrefetched<number>('figures')).resolves.toBe(1);
    expect(takePrefetched('figures')).toBeNull();
  });

  it('paint at once only when the answer has arrived, and wait for the screen otherwise', async () => {
    const page = later(['SP-2026-001']);
    prefetch('first page', () => page.promise);
    expect(takeArrived('first page')).toBeNull();
    page.resolve();
    await page.promise;
    await Promise.resolve();
    expect(takeArrived('first page')).toEqual(['SP-2026-001']);
    expect(takeArrived('first page')).toBeNull();
  });

  it('are forgotten when they fail, so the screen reads again and reports the error itself', async () => {
    const failing = Promise.reject(new Error('store.unavailable'));
    prefetch('register', () => failing);
    await failing.catch(() => undefined);
    await Promise.resolve();
    expect(takePrefetched('register')).toBeNull();
    let read = false;
    prefetch('register', async () => (read = true));
    expect(read).toBe(true);
  });
});
