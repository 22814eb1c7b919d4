import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * Buttons beside a tab bar (antd's tabBarExtraContent). antd puts them, and the overflow menu's button,
 * inside the element it marks role="tablist", where a screen reader expects only tabs; so the list of
 * tabs itself takes the role, and the bar around it none.
 */
export function TabBarExtra({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Every render: the tab bar may have been drawn anew beside this.
  useLayoutEffect(() => {
    const bar = ref.current?.closest<HTMLElement>('.ant-tabs-nav[role="tablist"]');
    const list = bar?.querySelector<HTMLElement>(':scope > .ant-tabs-nav-wrap > .ant-tabs-nav-list');
    if (!bar || !list) return;
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-orientation', bar.getAttribute('aria-orientation') ?? 'horizontal');
    bar.setAttribute('role', 'none');
    bar.removeAttribute('aria-orientation');
  });
  return (
    <div ref={ref} className="tab-bar-extra">
      {children}
    </div>
  );
}
