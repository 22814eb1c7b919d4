import { arrayMove } from '@dnd-kit/sortable';
import { App as AntApp, Button, type TabsProps } from 'antd';
import { useEffect, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../shared/model/contact';
import { nameIn, type Language } from '../../shared/model/language';
import type { SubGroup } from '../../shared/model/subGroup';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { sortableTabBar, tabElement, TAB_MENU } from '../shell/SortableTabBar';
import { ArchivedSubGroupsDialog } from './ArchivedSubGroupsDialog';
import { SubGroupDialog } from './SubGroupDialog';
import { useUndoMessage } from '../ui/undoMessage';

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } as const;

/**
 * Everything the workbench offers for managing sub-groups: set up, edit, archive (with a
 * confirmation and an undo), restore, and the tabs' order by drag, keyboard or context menu.
 */
export function useSubGroupManagement({
  subGroups,
  setSubGroups,
  contacts,
  language,
  activeTab,
  onOpen,
  onArchivedChanged,
}: {
  subGroups: SubGroup[];
  setSubGroups: Dispatch<SetStateAction<SubGroup[] | null>>;
  contacts: Contact[];
  language: Language;
  activeTab: string;
  /** Show a tab: the new sub-group's, or the overview when the open one is archived (null). */
  onOpen: (subGroupId: string | null) => void;
  /** The set of counted sub-groups changed, so the overview's figures must be read again. */
  onArchivedChanged: () => void;
}): {
  visible: SubGroup[];
  startNew: () => void;
  edit: (subGroup: SubGroup) => void;
  archive: (subGroup: SubGroup) => void;
  renderTabBar: NonNullable<TabsProps['renderTabBar']>;
  tabBarButtons: ReactNode;
  dialogs: ReactNode;
} {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<SubGroup | 'new' | null>(null);
  const [archivedOpen, setArchivedOpen] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  // Read out after a move; a toast would cover the very tabs being moved.
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => api().onMenuCommand((command) => command === 'newSubGroup' && setEditing('new')), []);

  const visible = subGroups.filter((s) => s.archivedAt === null);
  const archived = subGroups.filter((s) => s.archivedAt !== null);
  const name = (subGroup: SubGroup) => nameIn(subGroup.name, language);
  const replace = (saved: SubGroup) =>
    setSubGroups((current) => (current ?? []).map((s) => (s.id === saved.id ? saved : s)));

  const saved = (subGroup: SubGroup, created: boolean) => {
    setEditing(null);
    if (created) {
      setSubGroups((current) => [...(current ?? []), subGroup]);
      onOpen(subGroup.id);
      void message.success(t('newSubGroup.created', { name: name(subGroup) }));
    } else {
      replace(subGroup);
      void message.success(t('editSubGroup.saved', { name: name(subGroup) }));
    }
  };

  const undoKey = (subGroup: SubGroup) => `archived-${subGroup.id}`;

  const restore = async (subGroup: SubGroup) => {
    setRestoring(subGroup.id);
    try {
      replace(await unwrap(api().subGroups.restore({ id: subGroup.id })));
      message.destroy(undoKey(subGroup));
      onArchivedChanged();
      void message.success(t('archivedSubGroups.restored', { name: name(subGroup) }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setRestoring(null);
    }
  };

  const archive = (subGroup: SubGroup) => {
    void modal.confirm({
      title: t('archiveSubGroup.confirmTitle', { name: name(subGroup) }),
      content: t('archiveSubGroup.confirmBody'),
      okText: t('archiveSubGroup.confirm'),
      cancelText: t('archiveSubGroup.cancel'),
      // Esc or the cancel button leaves it as it was; Enter on the focused button archives.
      onOk: async () => {
        try {
          replace(await unwrap(api().subGroups.archive({ id: subGroup.id })));
        } catch (error) {
          void message.error(errorText(error));
          return;
        }
        if (activeTab === subGroup.id) onOpen(null);
        onArchivedChanged();
        showUndo({
          key: undoKey(subGroup),
          text: t('archiveSubGroup.done', { name: name(subGroup) }),
          undoLabel: t('archiveSubGroup.undo'),
          onUndo: () => void restore(subGroup),
        });
      },
    });
  };

  /** Moves a tab to a new place among the sub-group tabs and saves the order; undone on failure. */
  const move = async (id: string, toIndex: number) => {
    const from = visible.findIndex((s) => s.id === id);
    if (from < 0 || toIndex < 0 || toIndex >= visible.length || from === toIndex) return;
    // By keyboard, from the tab itself or its menu.
    const hadFocus = !!document.activeElement?.closest(`[data-node-key="${id}"], .${TAB_MENU}`);
    const order = arrayMove(visible, from, toIndex);
    const before = subGroups;
    setSubGroups([...order, ...archived]);
    // Reordering moves the tab's element, which drops the keyboard focus; give it back.
    if (hadFocus) requestAnimationFrame(() => tabElement(id)?.focus());
    try {
      setSubGroups(await unwrap(api().subGroups.reorder({ ids: order.map((s) => s.id) })));
      setAnnouncement(t('tabOrder.moved', { name: name(order[toIndex]!), position: toIndex + 1 }));
    } catch (error) {
      setSubGroups(before);
      void message.error(errorText(error));
    }
  };

  const renderTabBar = sortableTabBar({
    ids: visible.map((s) => s.id),
    onMove: (id, toIndex) => void move(id, toIndex),
    hint: t('tabOrder.hint'),
    menu: (id) => {
      const index = visible.findIndex((s) => s.id === id);
      const subGroup = visible[index]!;
      return {
        items: [
          { key: 'edit', label: t('subGroup.edit') },
          { key: 'left', label: t('tabOrder.moveLeft'), disabled: index === 0 },
          { key: 'right', label: t('tabOrder.moveRight'), disabled: index === visible.length - 1 },
          { type: 'divider' },
          { key: 'archive', label: t('subGroup.archive'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'edit') setEditing(subGroup);
          if (key === 'left') void move(id, index - 1);
          if (key === 'right') void move(id, index + 1);
          if (key === 'archive') archive(subGroup);
        },
      };
    },
  });

  const tabBarButtons = (
    <>
      {archived.length > 0 && (
        <Button type="text" onClick={() => setArchivedOpen(true)}>
          {t('archivedSubGroups.button', { count: archived.length })}
        </Button>
      )}
      <span role="status" aria-live="polite" style={visuallyHidden}>
        {announcement}
      </span>
    </>
  );

  const dialogs = (
    <>
      {editing && (
        <SubGroupDialog
          key={editing === 'new' ? 'new' : editing.id}
          subGroup={editing === 'new' ? null : editing}
          contacts={contacts}
          onCancel={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      <ArchivedSubGroupsDialog
        open={archivedOpen}
        archived={archived}
        language={language}
        restoring={restoring}
        onRestore={(subGroup) => void restore(subGroup)}
        onClose={() => setArchivedOpen(false)}
      />
    </>
  );

  return { visible, startNew: () => setEditing('new'), edit: setEditing, archive, renderTabBar, tabBarButtons, dialogs };
}
