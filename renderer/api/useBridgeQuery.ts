import { App as AntApp } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useErrorText } from './useErrorText';

/**
 * What a component reads from the main process, read the same way everywhere: when mounted, again
 * when `key` changes, and on `refetch()` (after a save, or a change made elsewhere). A read overtaken
 * by a newer one, or finishing after the component has gone, is dropped, so an old answer never
 * replaces a newer one. A failure shows as a message unless `onError` says otherwise.
 *
 * `read` and the callbacks may be new functions each render; only `key` (and `skip`) start a read.
 */
export function useBridgeQuery<T>(
  /**
   * The read, unwrapped (`() => unwrap(api().meetings.list(...))`), so one query may combine several.
   * While nothing is shown yet (`empty`), a long read may show a first part `early`.
   */
  read: (progress: { empty: boolean; early: (part: T) => void }) => Promise<T>,
  key: string | number | boolean | null,
  options: {
    /** Read nothing while true (the dialog is closed, the record is new). */
    skip?: boolean;
    /** Each answer, once it is in `data`: e.g. to fill a form with it. */
    onLoaded?: (value: T) => void;
    onError?: (error: unknown) => void;
  } = {},
) {
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const showError = (failure: unknown) => void message.error(errorText(failure));
  const latest = useRef({ read, data, onLoaded: options.onLoaded, onError: options.onError ?? showError });
  useLayoutEffect(() => {
    latest.current = { read, data, onLoaded: options.onLoaded, onError: options.onError ?? showError };
  });
  // Numbers each read; only the latest one's answer is kept.
  const reads = useRef({ latest: 0 });

  const refetch = useCallback(async (): Promise<void> => {
    const mine = ++reads.current.latest;
    try {
      const early = (part: T) => mine === reads.current.latest && setData((current) => current ?? part);
      const value = await latest.current.read({ empty: latest.current.data === null, early });
      if (mine !== reads.current.latest) return;
      setData(value);
      setError(null);
      latest.current.onLoaded?.(value);
    } catch (failure) {
      if (mine !== reads.current.latest) return;
      setError(failure);
      latest.current.onError(failure);
    }
  }, []);

  const skip = options.skip ?? false;
  useEffect(() => {
    if (skip) return;
    void refetch();
    const counter = reads.current;
    return () => void ++counter.latest;
  }, [key, skip, refetch]);

  return { data, error, refetch, setData };
}
