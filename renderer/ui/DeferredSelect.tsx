import { type SelectProps } from 'antd';
import { Select } from './Select';
import { useEffect, useState } from 'react';
import { afterPaint } from './afterPaint';

/**
 * An antd Select for a list's filter bar that mounts in the frame after the list: a Select costs a
 * few milliseconds and a forced layout each, which a tab's first paint of rows need not wait for.
 * Meanwhile a plain box of the same size holds its place, so nothing moves when it arrives.
 */
export function DeferredSelect<T>(props: SelectProps<T>) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    let current = true;
    void afterPaint().then(() => current && setMounted(true));
    return () => {
      current = false;
    };
  }, []);
  if (mounted) return <Select<T> {...props} />;
  return (
    <span className="select-placeholder" style={props.style} aria-hidden>
      {props.placeholder}
    </span>
  );
}
