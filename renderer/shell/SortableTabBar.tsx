import { closestCenter, DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Dropdown, type MenuProps, type TabsProps } from 'antd';
import { cloneElement, type CSSProperties, type KeyboardEvent, type ReactElement } from 'react';

export interface SortableTabs {
  /** Keys of the tabs that may move, in their order; other tabs stay where they are. */
  ids: string[];
  /** A tab was dropped on another's place (drag), or moved one place (keyboard or menu). */
  onMove: (id: string, toIndex: number) => void;
  /** The tab's context menu (right click, or Shift+F10 / the menu key when it has focus). */
  menu: (id: string) => MenuProps;
  /** Read out and shown as a tooltip: how to reorder without a mouse. */
  hint: string;
}

type TabNode = ReactElement<{ style?: CSSProperties; title?: string }>;

/**
 * A tab bar whose movable tabs can be dragged into a new order (dnd-kit), or moved with
 * Alt+Shift+← / → while one has focus. The keyboard sensor of dnd-kit is left out: Enter and Space
 * already open a tab.
 */
export function sortableTabBar({ ids, onMove, menu, hint }: SortableTabs): NonNullable<TabsProps['renderTabBar']> {
  return function TabBar(props, DefaultTabBar) {
    return (
      <SortableArea ids={ids} onMove={onMove}>
        <DefaultTabBar {...props}>
          {(node) =>
            ids.includes(String(node.key)) ? (
              <SortableTab key={node.key} id={String(node.key)} node={node as TabNode} index={ids.indexOf(String(node.key))} last={ids.length - 1} onMove={onMove} menu={menu} hint={hint} />
            ) : (
              node
            )
          }
        </DefaultTabBar>
      </SortableArea>
    );
  };
}

function SortableArea({ ids, onMove, children }: { ids: string[]; onMove: SortableTabs['onMove']; children: ReactElement }) {
  // A few pixels of travel before a drag starts, so a click still just opens the tab.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 8 } }));
  const dropped = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) onMove(String(active.id), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dropped}>
      <SortableContext items={ids} strategy={horizontalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

function SortableTab({
  id,
  node,
  index,
  last,
  onMove,
  menu,
  hint,
}: {
  id: string;
  node: TabNode;
  index: number;
  last: number;
  onMove: SortableTabs['onMove'];
  menu: SortableTabs['menu'];
  hint: string;
}) {
  const { setNodeRef, listeners, transform, transition, isDragging } = useSortable({ id });
  // Caught before the tab list sees it, which would otherwise move the focus to the next tab.
  const moveByKeyboard = (event: KeyboardEvent) => {
    if (!event.altKey || !event.shiftKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    event.stopPropagation();
    const target = index + (event.key === 'ArrowLeft' ? -1 : 1);
    if (target >= 0 && target <= last) onMove(id, target);
  };
  const tab = cloneElement(node, {
    ref: setNodeRef,
    title: hint,
    style: {
      ...node.props.style,
      transform: CSS.Translate.toString(transform),
      transition,
      zIndex: isDragging ? 2 : undefined,
      cursor: isDragging ? 'grabbing' : undefined,
    },
    ...listeners,
    onKeyDownCapture: moveByKeyboard,
  } as Partial<TabNode['props']>);
  return (
    <Dropdown trigger={['contextMenu']} menu={menu(id)} rootClassName={TAB_MENU} onOpenChange={(open) => requestAnimationFrame(() => focusMenuOrTab(open, id))}>
      {tab}
    </Dropdown>
  );
}

export const TAB_MENU = 'tab-context-menu';

/**
 * The menu takes the focus when it opens, so the arrow keys and Enter work in it, and gives it back
 * to its tab when it closes without anything else having taken it.
 */
function focusMenuOrTab(open: boolean, id: string, frame = 0) {
  if (open) {
    const item = document.querySelector<HTMLElement>(`.${TAB_MENU}:not(.ant-dropdown-hidden) [role="menuitem"]:not([aria-disabled="true"])`);
    // The first time, the menu is rendered a frame or two after it is asked for.
    if (item) item.focus();
    else if (frame < 30) requestAnimationFrame(() => focusMenuOrTab(open, id, frame + 1));
  } else if (document.activeElement === document.body || document.activeElement?.closest(`.${TAB_MENU}`)) {
    tabElement(id)?.focus();
  }
}

export const tabElement = (id: string) => document.querySelector<HTMLElement>(`[data-node-key="${id}"] [role="tab"]`);
