import { Alert, App as AntApp, Button, Card, Empty, Input, Radio, Space, Tag, Typography } from 'antd';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, ConflictField, ConflictValue, Identity, SettleChoice } from '../../shared/exchange/types';
import type { Contact } from '../../shared/model/contact';
import { formatDateTime } from '../../shared/i18n/formatDate';
import { nameIn, type Language } from '../../shared/model/language';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { ReaderText } from '../script/ReaderText';
import { useReaderScript } from '../script/readerScript';
import { useConflictMarks } from './conflictMarks';
import { conflictValueParts, UUID, type ValueReading } from './conflictValues';

/** 待處理衝突: one card per record in conflict, each field chosen by a person; nothing preselected. */
export function ConflictsPanel({
  conflicts,
  identity,
  contacts,
  language,
  onSettled,
}: {
  conflicts: Conflict[];
  identity: Identity;
  /** For the names of the people a value names by id. */
  contacts: Contact[];
  language: Language;
  onSettled: (left: Conflict[]) => void;
}) {
  const { t } = useTranslation();
  const names = useMemo(() => new Map(contacts.map((c) => [c.id, c.name])), [contacts]);
  const reading: ValueReading = { t, language, names };
  return (
    <section aria-label={t('exchange.conflicts.title')}>
      {conflicts.length === 0 ? (
        <Empty description={t('exchange.conflicts.empty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
            {t('exchange.conflicts.intro')}
          </Typography.Paragraph>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {conflicts.map((conflict) => (
              <ConflictCard key={conflict.id} conflict={conflict} identity={identity} reading={reading} onSettled={onSettled} />
            ))}
          </Space>
        </>
      )}
    </section>
  );
}

type Choice = { choice: SettleChoice['choice']; text: string };

function ConflictCard({
  conflict,
  identity,
  reading,
  onSettled,
}: {
  conflict: Conflict;
  identity: Identity;
  reading: ValueReading;
  onSettled: (left: Conflict[]) => void;
}) {
  const { t } = useTranslation();
  const { language } = reading;
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const marks = useConflictMarks();
  const reader = useReaderScript();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [settling, setSettling] = useState(false);

  const by = conflict.theirs.by;
  const theirsLine = t('exchange.conflicts.theirsBy', {
    office: by ? nameIn(by.office, language) : t('exchange.none'),
    officer: by?.officer || t('exchange.none'),
    time: conflict.theirs.at ? formatDateTime(conflict.theirs.at, language) : t('exchange.none'),
  });
  const mineLine = identity.office ? nameIn(identity.office, language) : '';
  const allChosen = conflict.fields.every((field) => choices[field.path]);

  const settle = async () => {
    if (!allChosen || settling) return setProblem(t('exchange.conflicts.choose'));
    const sent: SettleChoice[] = [];
    for (const field of conflict.fields) {
      const chosen = choices[field.path]!;
      if (chosen.choice !== 'edited') sent.push({ path: field.path, choice: chosen.choice });
      else {
        const value = editedValue(field, chosen.text);
        if (value === undefined) return setProblem(t('errors.exchange.invalidValue'));
        sent.push({ path: field.path, choice: 'edited', value });
      }
    }
    setSettling(true);
    setProblem(null);
    try {
      const left = await unwrap(api().exchange.settle({ id: conflict.id, choices: sent }));
      void message.success(t('exchange.conflicts.settled', { record: reader.show(conflict.label).text }));
      await marks.refresh();
      onSettled(left);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSettling(false);
    }
  };

  const headingId = `conflict-${conflict.id}`;
  return (
    <Card
      size="small"
      role="group"
      aria-labelledby={headingId}
      title={
        <span id={headingId}>
          <Tag>{t(`exchange.kind.${conflict.collection}`, { defaultValue: conflict.collection })}</Tag>
          <ReaderText text={conflict.label} />
        </span>
      }
      extra={<Typography.Text type="secondary">{theirsLine}</Typography.Text>}
      actions={[
        <Button key="settle" type="primary" disabled={!allChosen} loading={settling} onClick={() => void settle()}>
          {t('exchange.conflicts.settle')}
        </Button>,
      ]}
    >
      {conflict.fields.map((field) => (
        <FieldConflict
          key={field.path}
          field={field}
          reading={reading}
          mineLine={mineLine}
          theirsLine={theirsLine}
          chosen={choices[field.path]}
          onChoose={(choice) => setChoices((current) => ({ ...current, [field.path]: choice }))}
        />
      ))}
      {problem && <Alert type="error" showIcon title={problem} />}
    </Card>
  );
}

/** A field's label from its path: `progress.<entry id>.note` → 進展紀錄 › 內容. */
function useFieldLabel(): (path: string) => string {
  const { t } = useTranslation();
  return (path) =>
    path
      .split(/[/.]/)
      .filter((segment) => !UUID.test(segment))
      .map((segment) => t(`exchange.field.${segment}`, { defaultValue: segment }))
      .join(' › ');
}

function FieldConflict({
  field,
  reading,
  mineLine,
  theirsLine,
  chosen,
  onChoose,
}: {
  field: ConflictField;
  reading: ValueReading;
  mineLine: string;
  theirsLine: string;
  chosen: Choice | undefined;
  onChoose: (choice: Choice) => void;
}) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const label = fieldLabel(field.path);
  return (
    <div className="conflict-field" role="group" aria-label={t('exchange.conflicts.field', { field: label })}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('exchange.conflicts.field', { field: label })}</Typography.Text>
        {field.scriptOnly && <Tag color="cyan">{t('exchange.conflicts.scriptOnly')}</Tag>}
        {field.kind === 'deleteVsEdit' && <Tag color="orange">{t('exchange.conflicts.deleteVsEdit')}</Tag>}
      </Space>
      <div className="conflict-values">
        <ValueBox title={t('exchange.conflicts.mine')} subtitle={mineLine} value={field.mine} field={field} reading={reading} />
        <ValueBox title={t('exchange.conflicts.theirs')} subtitle={theirsLine} value={field.theirs} field={field} reading={reading} />
        <ValueBox title={t('exchange.conflicts.base')} value={field.base} field={field} reading={reading} />
      </div>
      <Radio.Group
        aria-label={`${t('exchange.conflicts.choice')}: ${label}`}
        value={chosen?.choice ?? null}
        onChange={(event) => {
          const choice = event.target.value as Choice['choice'];
          onChoose({ choice, text: chosen?.text ?? editableText(field.mine) });
        }}
        options={[
          { value: 'mine', label: t('exchange.conflicts.keepMine') },
          { value: 'theirs', label: t('exchange.conflicts.takeTheirs') },
          // Whether a record stays deleted is kept or taken, not typed.
          ...(field.kind === 'deleteVsEdit' && field.path === '$deleted' ? [] : [{ value: 'edited', label: t('exchange.conflicts.editByHand') }]),
        ]}
      />
      {chosen?.choice === 'edited' && (
        <Input.TextArea
          aria-label={`${t('exchange.conflicts.edited')}: ${label}`}
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={chosen.text}
          onChange={(event) => onChoose({ choice: 'edited', text: event.target.value })}
          style={{ marginTop: 8 }}
        />
      )}
    </div>
  );
}

function ValueBox({
  title,
  subtitle,
  value,
  field,
  reading,
}: {
  title: string;
  subtitle?: string;
  value: ConflictValue | null;
  field: ConflictField;
  reading: ValueReading;
}) {
  const { t } = useTranslation();
  return (
    <div className="conflict-value">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
        {subtitle ? ` · ${subtitle}` : ''}
      </Typography.Text>
      <div className="conflict-value-text">
        {value === null ? (
          <Typography.Text type="secondary">{t('exchange.conflicts.noBase')}</Typography.Text>
        ) : !value.present ? (
          <Typography.Text type="secondary">{t('exchange.conflicts.deletedValue')}</Typography.Text>
        ) : isEmpty(value.value) ? (
          <Typography.Text type="secondary">{t('exchange.conflicts.empty_value')}</Typography.Text>
        ) : field.scriptOnly && typeof value.value === 'string' ? (
          // As stored: the difference is only the script, which converting would hide.
          value.value
        ) : (
          conflictValueParts(value.value, lastSegment(field.path), reading).map((part, i) =>
            part.content ? <ReaderText key={i} text={part.text} /> : <Fragment key={i}>{part.text}</Fragment>,
          )
        )}
      </div>
    </div>
  );
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The field a path ends in, past entry ids: `progress/<id>/note` → note, `leads` → leads. */
function lastSegment(path: string): string {
  return path.split(/[/.]/).filter((segment) => !UUID.test(segment)).pop() ?? path;
}

/** A hand edit starts from this side's value: text as stored, other values written out to edit. */
function editableText(value: ConflictValue): string {
  if (!value.present || value.value === null || value.value === undefined) return '';
  return typeof value.value === 'string' ? value.value : JSON.stringify(value.value, null, 2);
}

/** What a hand edit means for the field: text for text fields, otherwise the value written out; undefined if unreadable. */
function editedValue(field: ConflictField, text: string): unknown {
  const sample = field.mine.present ? field.mine.value : field.theirs.value;
  if (typeof sample === 'string' || sample === null || sample === undefined) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
