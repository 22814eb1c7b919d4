import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import { liveItems, standardItems, type AgendaItem, type Meeting } from '../../shared/model/meeting';
import type { SubGroup } from '../../shared/model/subGroup';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { PlainList, PlainListItem } from '../ui/PlainList';
import { useUndoMessage } from '../ui/undoMessage';
import { AgendaItemDialog } from './AgendaItemDialog';

/**
 * The agenda in order. Items move by dragging their handle, by Space then the arrow keys on the
 * handle (dnd-kit's keyboard sensor), or with the move up / move down buttons.
 */
export function AgendaList({
  meeting,
  subGroups,
  contacts,
  language,
  onChanged,
}: {
  meeting: Meeting;
  subGroups: SubGroup[];
  contacts: Contact[];
  language: Language;
  onChanged: (meeting: Meeting) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const [editing, setEditing] = useState<{ itemId: string | null; standard: AgendaItem['standard'] } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const items = liveItems(meeting);
  const ids = items.map((i) => i.id);

  const move = async (itemId: string, toIndex: number) => {
    const from = ids.indexOf(itemId);
    if (from < 0 || toIndex < 0 || toIndex >= ids.length || from === toIndex) return;
    try {
      const saved = await unwrap(api().meetings.reorder({ id: meeting.id, revision: meeting.revision, order: arrayMove(ids, from, toIndex) }));
      onChanged(saved);
      void message.info(t('meetings.agenda.moved', { title: items[from]!.title, position: toIndex + 1 }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const dropped = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) void move(String(active.id), ids.indexOf(String(over.id)));
  };

  const restore = async (item: AgendaItem, key: string, current: Meeting) => {
    try {
      onChanged(await unwrap(api().meetings.restoreItem({ id: current.id, revision: current.revision, itemId: item.id })));
      message.destroy(key);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const remove = async (item: AgendaItem) => {
    try {
      const saved = await unwrap(api().meetings.removeItem({ id: meeting.id, revision: meeting.revision, itemId: item.id }));
      onChanged(saved);
      const key = `item-removed-${item.id}`;
      showUndo({
        key,
        text: t('meetings.agenda.removedMessage', { title: item.title }),
        undoLabel: t('meetings.undo'),
        onUndo: () => void restore(item, key, saved),
      });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const presenter = (id: string | null) => contacts.find((c) => c.id === id)?.name;
  const used = new Set(items.map((i) => i.standard));
  const missingStandard = standardItems.filter((s) => !used.has(s));

  return (
    <section aria-label={t('meetings.tabs.agenda')}>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setEditing({ itemId: null, standard: null })}>
          {t('meetings.agenda.add')}
        </Button>
        <Dropdown
          disabled={missingStandard.length === 0}
          menu={{
            items: missingStandard.map((s) => ({ key: s, label: t(`meetings.standard.${s}`) })),
            onClick: ({ key }) => setEditing({ itemId: null, standard: key as AgendaItem['standard'] }),
          }}
        >
          <Button>{t('meetings.agenda.addStandard')}</Button>
        </Dropdown>
      </Space>
      {items.length === 0 ? (
        <Empty description={t('meetings.agenda.empty')} />
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dropped}>
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <PlainList
              ordered
              bordered
              aria-label={t('meetings.tabs.agenda')}
              items={items}
              rowKey={(item) => item.id}
              renderItem={(item, index) => (
                <SortableRow
                  id={item.id}
                  trailing={
                    <>
                      <Tooltip title={t('meetings.agenda.moveUp')}>
                        <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('meetings.agenda.moveUp')} disabled={index === 0} onClick={() => void move(item.id, index - 1)} />
                      </Tooltip>
                      <Tooltip title={t('meetings.agenda.moveDown')}>
                        <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('meetings.agenda.moveDown')} disabled={index === items.length - 1} onClick={() => void move(item.id, index + 1)} />
                      </Tooltip>
                      <Button size="small" onClick={() => setEditing({ itemId: item.id, standard: item.standard })}>
                        {t('meetings.edit')}
                      </Button>
                      <Button size="small" danger onClick={() => void remove(item)}>
                        {t('meetings.agenda.remove')}
                      </Button>
                    </>
                  }
                >
                  {(handle) => (
                    <Space align="start">
                      {handle}
                      <Typography.Text strong>{`${index + 1}.`}</Typography.Text>
                      <div>
                        <Typography.Link onClick={() => setEditing({ itemId: item.id, standard: item.standard })}>{item.title}</Typography.Link>
                        <div>
                          {presenter(item.presenterId) && <Tag>{`${t('meetings.agenda.presenter')}: ${presenter(item.presenterId)}`}</Tag>}
                          {item.papers.some((p) => p.removedAt === null) && (
                            <Tag color="blue">{t('meetings.papersCount', { count: item.papers.filter((p) => p.removedAt === null).length })}</Tag>
                          )}
                        </div>
                      </div>
                    </Space>
                  )}
                </SortableRow>
              )}
            />
          </SortableContext>
        </DndContext>
      )}
      {editing && (
        <AgendaItemDialog
          meeting={meeting}
          itemId={editing.itemId}
          standard={editing.standard}
          subGroups={subGroups}
          contacts={contacts}
          language={language}
          onChanged={onChanged}
          onCreated={(saved) => setEditing({ itemId: saved.agenda.at(-1)!.id, standard: saved.agenda.at(-1)!.standard })}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

/** An agenda row that dnd-kit moves: the <li> itself is the sortable node, so the list stays a list. */
function SortableRow({ id, trailing, children }: { id: string; trailing: React.ReactNode; children: (handle: React.ReactNode) => React.ReactNode }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (
    <Button
      ref={setActivatorNodeRef}
      size="small"
      type="text"
      icon={<HolderOutlined />}
      aria-label={t('meetings.agenda.dragHandle')}
      title={t('meetings.agenda.dragHandle')}
      style={{ cursor: 'grab' }}
      {...attributes}
      {...listeners}
    />
  );
  return (
    <PlainListItem
      ref={setNodeRef}
      trailing={trailing}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, background: 'var(--ant-color-bg-container, #fff)', position: 'relative', zIndex: isDragging ? 1 : undefined }}
    >
      {children(handle)}
    </PlainListItem>
  );
}
