import type { TabsProps } from 'antd';
import { Activity } from 'react';

type TabItems = NonNullable<TabsProps['items']>;

/**
 * Tab items whose hidden panes keep their state but do not render while hidden (React's Activity):
 * opening a tab or switching script then costs the pane on screen, not every pane ever opened. A hidden
 * pane catches up when the window is idle, and its effects run again when it is shown, so it reloads
 * what may have changed meanwhile.
 */
export function onlyShownPaneRenders(items: TabItems, activeKey: string): TabItems {
  return items.map((item) => ({
    ...item,
    children: <Activity mode={item.key === activeKey ? 'visible' : 'hidden'}>{item.children}</Activity>,
  }));
}
