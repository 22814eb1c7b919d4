import { Input } from 'antd';
import { useEffect, useState } from 'react';

/**
 * The text filter's box. It keeps what is typed to itself, so a keystroke repaints the box and not the
 * list; the list changes once `onSearch` has its result: at once on Enter, else when typing pauses.
 */
export function ActionTextFilter({ label, onSearch }: { label: string; onSearch: (query: string) => void }) {
  const [text, setText] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => onSearch(text), 200);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <Input.Search
      allowClear
      aria-label={label}
      placeholder={label}
      style={{ width: 280 }}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={onSearch}
    />
  );
}
