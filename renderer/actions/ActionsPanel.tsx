import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Grid, Space, Switch, Typography, type TableColumnType } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clauseLabel, clauses } from '../../shared/arrangement/clauses';
import { localToday } from '../../shared/actions/dueDates';
import { filterActions, noFilter, type ActionFilter } from '../../shared/actions/filters';
import { formatDate } from '../../shared/i18n/formatDate';
import { actionStatuses, toRow, type Action, type ActionRow } from '../../shared/model/action';
import type { Contact } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import { upsertById } from '../../shared/model/record';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { ReaderText } from '../script/ReaderText';
import { ClauseLinks } from '../arrangement/clauseNavigation';
import { ActionDrawer } from './ActionDrawer';
import { DueDate, StatusTag } from './actionLabels';
import { afterPaint } from '../ui/afterPaint';
import { FIRST_PAGE, takeFirstPage } from './firstPagePrefetch';
import { ExportButton } from '../exports/ExportButton';
import { useReturnFocus } from '../ui/useReturnFocus';
import { ActionTextFilter } from './ActionTextFilter';
import { VirtualTable } from '../ui/VirtualTable';
import { DeferredSelect } from '../ui/DeferredSelect';
import { CellTag } from '../ui/CellTag';
import { ConflictMarker } from '../exchange/ConflictMarker';
import { useUndoMessage } from '../ui/undoMessage';

/** Plain code-unit order: ISO dates sort by time, and it is far cheaper than localeCompare. */
/** Columns shown only on screens 1600 pixels wide or more. */
const WIDE: TableColumnType<unknown>['responsive'] = ['xxl'];
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** SP-2026-014 before SP-2026-100: by year, then by number. */
const byReference = (a: string, b: string) => {
  const [, ay = '', an = '0'] = /-(\d{4})-(\d+)$/.exec(a) ?? [];
  const [, by = '', bn = '0'] = /-(\d{4})-(\d+)$/.exec(b) ?? [];
  return ordinal(ay, by) || Number(an) - Number(bn);
};

/**
 * A sub-group's follow-up actions: filters, a virtualised table that stays smooth with tens of
 * thousands of rows, and the drawer to create, edit and log progress.
 */
export function ActionsPanel({
  subGroupId,
  contacts,
  language,
  initialFilter = noFilter,
  focusActionId = null,
}: {
  subGroupId: string;
  contacts: Contact[];
  language: Language;
  /** Set when the overview opens this list for one of its figures. */
  initialFilter?: ActionFilter;
  /** An action to open at once, e.g. one clicked on the overview. */
  focusActionId?: string | null;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const errorText = useErrorText();
  const [prefetched] = useState(() => takeFirstPage(subGroupId));
  const [rows, setRows] = useState<ActionRow[] | null>(prefetched?.rows ?? null);
  const [filter, setFilter] = useState<ActionFilter>(initialFilter);
  // The text filter in force: the query and the actions it found, set together when main answers.
  const [textFilter, setTextFilter] = useState<{ query: string; hits: Set<string> } | null>(null);
  const latestQuery = useRef('');
  const [open, setOpenState] = useState<'new' | string | null>(focusActionId);
  const returnFocus = useReturnFocus();
  const setOpen = (target: 'new' | string | null) => {
    if (target === null) {
      const closing = open;
      returnFocus.restore(() => document.querySelector<HTMLElement>(`[data-row-key="${closing}"] .link-button`));
    } else returnFocus.remember();
    setOpenState(target);
  };
  const today = localToday(new Date());

  // The most recently updated actions paint at once (prefetched, or in one call); the whole list is
  // read once they are on screen, so its transfer never holds up the first paint. A prefetched page
  // is replaced by that read, so it is never stale for more than a moment.
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      if (!prefetched) {
        const first = await unwrap(api().actions.list({ subGroupId, limit: FIRST_PAGE }));
        if (cancelled) return;
        setRows(first.rows);
        if (first.total <= FIRST_PAGE) return;
      }
      await afterPaint();
      if (cancelled) return;
      const all = await unwrap(api().actions.list({ subGroupId }));
      if (!cancelled) setRows(all.rows);
    };
    load().catch((error: unknown) => void message.error(errorText(error)));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subGroupId]);

  // Text is searched in main (titles, details and every progress note). Only the latest query's
  // answer is shown, however the answers arrive.
  const search = useCallback(
    (typed: string) => {
      const query = typed.trim();
      if (query === latestQuery.current) return;
      latestQuery.current = query;
      if (!query) return setTextFilter(null);
      unwrap(api().actions.search({ subGroupId, text: query })).then(
        (ids) => latestQuery.current === query && setTextFilter({ query, hits: new Set(ids) }),
        (error: unknown) => void message.error(errorText(error)),
      );
    },
    // The message helpers are stable for the window's life; a new search function would restart the box's timer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [subGroupId],
  );
  const text = textFilter?.query ?? '';

  const visible = useMemo(() => (rows ? filterActions(rows, filter, today, textFilter?.hits ?? null) : []), [rows, filter, today, textFilter]);
  const names = useMemo(() => new Map(contacts.map((c) => [c.id, c.name])), [contacts]);

  const replace = (action: Action) => setRows((current) => upsertById(current, toRow(action)));

  const remove = async (action: Action) => {
    try {
      replace(await unwrap(api().actions.delete({ id: action.id })));
      setOpen(null);
      const key = `deleted-${action.id}`;
      showUndo({
        key,
        text: t('actions.deletedMessage', { reference: action.reference }),
        undoLabel: t('actions.undo'),
        onUndo: () => void restore(action, key),
      });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const restore = async (action: Pick<Action, 'id' | 'reference'>, messageKey?: string) => {
    try {
      replace(await unwrap(api().actions.restore({ id: action.id })));
      if (messageKey) message.destroy(messageKey);
      void message.success(t('actions.restoredMessage', { reference: action.reference }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  // On a 1366-pixel laptop screen (and zoomed in) the side and priority columns give way, so the
  // rest fit without running off the right edge; both stay in the action's drawer.
  const wide = Grid.useBreakpoint().xxl ?? false;
  const columns: ColumnsType<ActionRow> = useMemo(() => [
    {
      title: t('actions.reference'),
      dataIndex: 'reference',
      width: 130,
      fixed: 'left',
      sorter: (a, b) => byReference(a.reference, b.reference),
      render: (reference: string, row) => (
        <button type="button" className="link-button" onClick={() => setOpen(row.id)}>
          {reference}
        </button>
      ),
    },
    {
      title: t('actions.name'),
      dataIndex: 'title',
      width: 320,
      render: (title: string, row) => {
        const Title = row.deletedAt === null ? 'span' : 'del';
        return (
          <div>
            <Title>
              <ReaderText text={title} overrides={row.scriptOverrides} field="title" highlight={text} />
            </Title>
            <ConflictMarker recordId={row.id} language={language} />
            {row.latestNote && (
              <span className="row-note">
                <ReaderText text={row.latestNote} highlight={text} />
              </span>
            )}
          </div>
        );
      },
    },
    {
      title: t('actions.ownerSide'),
      dataIndex: 'ownerSide',
      width: 90,
      responsive: WIDE,
      render: (side: ActionRow['ownerSide']) => t(`actions.sideValue.${side}`),
    },
    {
      title: t('actions.officers'),
      key: 'officers',
      width: 180,
      render: (_: unknown, row) => (
        <ReaderText
          text={[...new Set([...row.leads.map((l) => l.contactId), ...row.officerIds])]
            .map((id) => names.get(id))
            .filter(Boolean)
            .join('、')}
        />
      ),
    },
    {
      title: t('actions.dueDate'),
      dataIndex: 'dueDate',
      width: 210,
      sorter: (a, b) => ordinal(a.dueDate ?? '9999', b.dueDate ?? '9999'),
      render: (dueDate: string | null, row) => <DueDate dueDate={dueDate} status={row.status} today={today} language={language} />,
    },
    {
      title: t('actions.priority'),
      dataIndex: 'priority',
      width: 90,
      responsive: WIDE,
      sorter: (a, b) => ['high', 'normal', 'low'].indexOf(a.priority) - ['high', 'normal', 'low'].indexOf(b.priority),
      render: (priority: ActionRow['priority']) => (
        <CellTag tone={priority === 'high' ? 'volcano' : 'default'}>{t(`actions.priorityValue.${priority}`)}</CellTag>
      ),
    },
    {
      title: t('actions.status'),
      dataIndex: 'status',
      width: 100,
      sorter: (a, b) => actionStatuses.indexOf(a.status) - actionStatuses.indexOf(b.status),
      render: (status: ActionRow['status']) => <StatusTag status={status} language={language} />,
    },
    {
      title: t('actions.clauses'),
      dataIndex: 'clauses',
      width: 150,
      render: (ids: string[]) => <ClauseLinks ids={ids} language={language} />,
    },
    {
      title: t('actions.updated'),
      dataIndex: 'updatedAt',
      width: 130,
      defaultSortOrder: 'descend',
      sorter: (a, b) => ordinal(a.updatedAt, b.updatedAt),
      render: (updatedAt: string, row) =>
        row.deletedAt ? (
          <Button size="small" onClick={() => void restore(row)}>
            {t('actions.restore')}
          </Button>
        ) : (
          formatDate(updatedAt, language)
        ),
    },
    // `restore` only reaches the API and setters; rebuilding the columns for it would defeat the memo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  ], [t, names, today, language, text]);

  const setField = <K extends keyof ActionFilter>(key: K, value: ActionFilter[K]) => setFilter((f) => ({ ...f, [key]: value }));
  return (
    <section aria-label={t('actions.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
          {t('actions.new')}
        </Button>
        <ExportButton target={() => ({ kind: 'actions', subGroupId, filter, text, includeLog: false })} count={visible.length} recordIds={() => visible.map((row) => row.id)} />
        <ActionTextFilter label={t('actions.filterText')} onSearch={search} />
        <DeferredSelect
          mode="multiple"
          allowClear
          aria-label={t('actions.filterStatus')}
          placeholder={t('actions.filterStatus')}
          style={{ minWidth: 160 }}
          value={filter.statuses}
          onChange={(v) => setField('statuses', v)}
          options={actionStatuses.map((s) => ({ value: s, label: t(`actions.statusValue.${s}`) }))}
        />
        <DeferredSelect
          mode="multiple"
          allowClear
          aria-label={t('actions.filterSide')}
          placeholder={t('actions.filterSide')}
          style={{ minWidth: 130 }}
          value={filter.sides}
          onChange={(v) => setField('sides', v)}
          options={(['HK', 'SZ', 'joint'] as const).map((s) => ({ value: s, label: t(`actions.sideValue.${s}`) }))}
        />
        <DeferredSelect
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('actions.filterOfficer')}
          placeholder={t('actions.filterOfficer')}
          style={{ width: 160 }}
          value={filter.officerId}
          onChange={(v) => setField('officerId', v ?? null)}
          options={contacts.map((c) => ({ value: c.id, label: c.name }))}
        />
        <DeferredSelect
          allowClear
          aria-label={t('actions.filterClause')}
          placeholder={t('actions.filterClause')}
          style={{ width: 150 }}
          value={filter.clause}
          onChange={(v) => setField('clause', v ?? null)}
          options={clauses.map((c) => ({ value: c.id, label: clauseLabel(c.id, language) }))}
        />
        <DeferredSelect
          aria-label={t('actions.filterDue')}
          style={{ width: 150 }}
          value={filter.due}
          onChange={(v) => setField('due', v)}
          options={(['any', 'overdue', 'dueSoon'] as const).map((d) => ({ value: d, label: t(`actions.due.${d}`) }))}
        />
        <Space>
          <Switch checked={filter.showDeleted} onChange={(v) => setField('showDeleted', v)} aria-label={t('actions.showDeleted')} />
          {t('actions.showDeleted')}
        </Space>
        <Typography.Text type="secondary">{t('actions.count', { count: visible.length })}</Typography.Text>
      </Space>
      <VirtualTable<ActionRow>
        // A title with its latest note beneath.
        rowHeight={61}
        showSorterTooltip={false}
        rowKey="id"
        size="small"
        loading={rows === null}
        columns={columns}
        dataSource={visible}
        pagination={false}
        scroll={{ x: wide ? 1400 : 1220, y: 560 }}
        onRow={(row) => ({ onDoubleClick: () => setOpen(row.id) })}
        locale={{
          emptyText: <Empty description={rows?.length ? t('actions.noMatch') : t('actions.empty')} />,
        }}
      />
      {/* Mounted only while open: a closed drawer's forms would only slow the list's first paint. */}
      {open !== null && (
        <ActionDrawer
          key={open}
          target={open}
          subGroupId={subGroupId}
          contacts={contacts}
          language={language}
          onClose={() => setOpen(null)}
          onDelete={(action) => void remove(action)}
          onSaved={(action, created) => {
            replace(action);
            void message.success(t(created ? 'actions.createdMessage' : 'actions.savedMessage', { reference: action.reference }));
          }}
        />
      )}
    </section>
  );
}
