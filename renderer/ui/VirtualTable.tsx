import { Table, type TableProps } from 'antd';
import type { TableRef } from 'antd/es/table';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * antd's virtualised Table, for the long lists that sit in tab panes. A hidden pane (React's Activity)
 * runs no layout effects, and the virtual body follows its table's column widths through layout
 * effects: shown again in a window wider than the columns, its rows kept stale widths and slid off the
 * header. So the table starts afresh each time its pane is shown again, scrolled back to where it was.
 */
export function VirtualTable<T extends object>({
  rowHeight,
  ...props
}: TableProps<T> & {
  /**
   * About how tall a row is drawn. The virtual list sizes its first frame by it, and antd's guess is a
   * one-line row: for two-line rows it would draw half as many rows again, only to drop them.
   */
  rowHeight?: number;
}) {
  const { onScroll } = props;
  const [timesShown, setTimesShown] = useState(0);
  const mounted = useRef(false);
  const table = useRef<TableRef>(null);
  const scrolledTo = useRef(0);
  // Layout effects run again whenever the pane is shown: after the first run, that is a return.
  useLayoutEffect(() => {
    if (mounted.current) setTimesShown((n) => n + 1);
    mounted.current = true;
  }, []);
  useLayoutEffect(() => {
    if (timesShown > 0 && scrolledTo.current > 0) table.current?.scrollTo({ top: scrolledTo.current });
    // The scrolling body takes the focus, so the keyboard scrolls it too (WCAG 2.1.1) when its rows hold no control.
    table.current?.nativeElement?.querySelector('.ant-table-body')?.setAttribute('tabindex', '0');
  }, [timesShown]);
  return (
    <Table<T>
      {...props}
      // rc-table's own prop for the virtual list, which antd passes through but does not declare.
      {...(rowHeight ? { listItemHeight: rowHeight } : {})}
      key={timesShown}
      ref={table}
      virtual
      onScroll={(event) => {
        scrolledTo.current = event.currentTarget.scrollTop;
        onScroll?.(event);
      }}
    />
  );
}
