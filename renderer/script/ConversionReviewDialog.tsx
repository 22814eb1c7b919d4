import { App as AntApp, Alert, Button, Card, Empty, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Script } from '../../shared/script/script';
import type { FieldRef, FieldReview, OverrideResult } from '../../shared/script/fieldReview';
import type { ReviewItem } from '../../shared/script/review';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { WrittenInTag } from './ReaderText';
import { scriptTag } from '../../shared/model/language';

const kindColour: Record<ReviewItem['kind'], string> = { ambiguous: 'orange', glossary: 'blue', correction: 'purple', quotes: 'cyan', untouched: 'default' };

/** The label of a field path: `title`, `progress.<id>.note`… */
function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation();
  return (field) => {
    const head = field.split('.')[0]!;
    const key = head === 'title' && field !== 'title' ? 'jobTitle' : head;
    return t(`script.review.field.${key}`, { defaultValue: field });
  };
}

/**
 * The places where converting some fields into `script` made a choice a person should confirm, each
 * in context: characters with several counterparts, glossary terms, corrected phrases, quotation marks,
 * Latin text, numbers, code and paths left as they are. Confirming or correcting a field stores its text with the record, where it wins over the
 * conversion until the source changes. Opened on demand for a record, and by exports before writing.
 */
export function ConversionReviewDialog({
  open,
  script,
  fields,
  labels = {},
  onClose,
  onSaved,
}: {
  open: boolean;
  script: Script;
  fields: FieldRef[];
  /** Labels by field path, where the default (標題, 詳情…) would not do. */
  labels?: Record<string, string>;
  onClose: () => void;
  /** Called after each stored correction, with the record's new revision. */
  onSaved?: (result: OverrideResult) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // Answers are kept with the request they answer, so a new request shows no stale list meanwhile.
  const request = `${open}/${script}/${JSON.stringify(fields)}`;
  const [answer, setAnswer] = useState<{ request: string; reviews: FieldReview[] | null; error: string | null } | null>(null);
  const reviews = answer?.request === request ? answer.reviews : null;
  const error = answer?.request === request ? answer.error : null;
  const setReviews = (update: (list: FieldReview[] | null) => FieldReview[] | null) =>
    setAnswer((current) => current && { ...current, reviews: update(current.reviews) });

  useEffect(() => {
    if (!open) return;
    let current = true;
    unwrap(api().script.review({ script, fields })).then(
      (list) => current && setAnswer({ request, reviews: list, error: null }),
      (failure: unknown) => current && setAnswer({ request, reviews: null, error: errorText(failure) }),
    );
    return () => {
      current = false;
    };
    // The request is keyed by its content; a new array with the same fields need not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  const replaced = (next: FieldReview) =>
    setReviews((list) => list?.map((r) => (r.ref.field === next.ref.field && r.ref.id === next.ref.id ? next : r)) ?? null);

  const scriptName = t(`script.name.${script}`);
  return (
    <Modal
      open={open}
      title={t('script.review.title', { script: scriptName })}
      onCancel={onClose}
      width={820}
      footer={<Button onClick={onClose}>{t('script.review.close')}</Button>}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('script.review.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {!reviews && !error && <Spin description={t('script.review.loading')}><div style={{ minHeight: 80 }} /></Spin>}
      {reviews && reviews.length === 0 && <Empty description={t('script.review.nothing')} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {reviews?.map((review) => (
          <FieldReviewCard
            key={`${review.ref.id}/${review.ref.field}`}
            review={review}
            script={script}
            label={labels[review.ref.field]}
            onChanged={(next, result) => {
              replaced(next);
              onSaved?.(result);
            }}
          />
        ))}
      </Space>
    </Modal>
  );
}

function FieldReviewCard({
  review,
  script,
  label,
  onChanged,
}: {
  review: FieldReview;
  script: Script;
  label?: string;
  onChanged: (next: FieldReview, result: OverrideResult) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const fieldLabel = useFieldLabel();
  const [draft, setDraft] = useState(review.text);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = label ?? fieldLabel(review.ref.field);
  const choices = review.items.filter((item) => item.kind !== 'untouched');
  const untouched = review.items.filter((item) => item.kind === 'untouched');
  const scriptName = t(`script.name.${script}`);

  // Offsets of the review are the source's; they hold in the draft while conversion kept lengths.
  const place = (item: ReviewItem, text: string) => {
    const at = (offset: number, choice: string) => draft.slice(offset, offset + choice.length) === choice;
    const { closing } = item;
    const fits = draft.length === review.source.length && at(item.offset, item.choice) && (!closing || at(closing.offset, closing.choice));
    if (!fits || item.choice.length !== item.length) return setProblem(t('script.review.cannotPlace'));
    setProblem(null);
    let next = draft.slice(0, item.offset) + text + draft.slice(item.offset + item.choice.length);
    // A pair of quotation marks is kept or changed together.
    if (closing) next = next.slice(0, closing.offset) + closing.source + next.slice(closing.offset + closing.choice.length);
    setDraft(next);
  };

  const store = async (text: string | null) => {
    setSaving(true);
    setProblem(null);
    try {
      const result = await unwrap(api().script.setOverride({ ref: review.ref, script, sourceHash: review.sourceHash, text }));
      const correction = text === null ? null : { text, stale: false };
      onChanged({ ...review, text: text ?? review.converted, correction }, result);
      if (text === null) setDraft(review.converted);
      void message.success(text === null ? t('script.review.removed') : t('script.review.saved', { field: name, script: scriptName }));
    } catch (failure) {
      // What was typed stays in the box.
      setProblem(errorText(failure));
    } finally {
      setSaving(false);
    }
  };

  const alreadyIn = review.source === review.converted && review.items.length === 0;
  return (
    <Card
      size="small"
      data-field={review.ref.field}
      title={
        <Space wrap>
          {name}
          <WrittenInTag script={review.writtenIn} />
          {choices.length > 0 && <Tag>{t('script.review.items', { count: choices.length })}</Tag>}
          {review.correction && !review.correction.stale && <Tag color="green">{t('script.corrected')}</Tag>}
          {review.correction?.stale && <Tag color="warning">{t('script.stale')}</Tag>}
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('script.review.source')}：</Typography.Text>
        <span lang={scriptTag[review.writtenIn === 'hans' ? 'hans' : 'hant']}>{review.source}</span>
      </Typography.Paragraph>
      {review.correction?.stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('script.staleHelp')}
          description={`${t('script.review.previousCorrection')}${review.correction.text}`}
        />
      )}
      {alreadyIn ? (
        <Typography.Text type="secondary">{t('script.review.alreadyInScript', { script: scriptName })}</Typography.Text>
      ) : (
        <>
          <ul className="review-items" style={{ paddingInlineStart: 16, marginBottom: 8 }}>
            {choices.map((item) => (
              <li key={`${item.kind}-${item.offset}`} data-kind={item.kind} style={{ marginBottom: 6 }}>
                <Tag color={kindColour[item.kind]}>{t(`script.review.kind.${item.kind}`)}</Tag>
                <span className="review-context">
                  {item.before}
                  <mark>
                    {item.source}→{item.choice}
                  </mark>
                  {item.after}
                </span>{' '}
                <Typography.Text type="secondary">
                  {item.kind === 'ambiguous' &&
                    (item.decidedBy === 'phrase' ? t('script.review.byPhrase', { phrase: item.phrase ?? '' }) : t('script.review.byCharacter'))}
                  {item.kind === 'glossary' && item.glossaryId}
                  {item.kind === 'correction' && t('script.review.correctionReason')}
                  {item.kind === 'quotes' &&
                    t(item.closing ? 'script.review.quotesPair' : 'script.review.quotesSingle', {
                      source: `${item.source}${item.closing?.source ?? ''}`,
                      choice: `${item.choice}${item.closing?.choice ?? ''}`,
                    })}
                </Typography.Text>
                <div style={{ marginTop: 4 }}>
                  <Space size={4} wrap>
                    {item.alternatives.map((alternative) => (
                      <Button
                        key={alternative.text}
                        size="small"
                        title={alternative.example ? t('script.review.alternativeExample', { example: alternative.example }) : undefined}
                        onClick={() => place(item, alternative.text)}
                      >
                        {item.kind === 'quotes'
                          ? t('script.review.keepQuotes', { text: `${alternative.text}${item.closing?.source ?? ''}` })
                          : t('script.review.useAlternative', { text: alternative.text })}
                      </Button>
                    ))}
                  </Space>
                </div>
              </li>
            ))}
          </ul>
          {untouched.length > 0 && (
            <Space size={4} wrap style={{ display: 'flex', marginBottom: 8 }}>
              <Tag>{t('script.review.kind.untouched')}</Tag>
              {untouched.map((item) => (
                <Typography.Text key={item.offset} code>
                  {item.source}
                </Typography.Text>
              ))}
            </Space>
          )}
          <Typography.Text strong>{t('script.review.correctedText')}</Typography.Text>
          <Input.TextArea
            aria-label={`${name} · ${t('script.review.correctedText')}`}
            autoSize={{ minRows: 1, maxRows: 8 }}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            lang={scriptTag[script]}
            style={{ marginTop: 4 }}
          />
          {problem && <Alert type="warning" showIcon title={problem} style={{ marginTop: 8 }} />}
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" loading={saving} onClick={() => void store(draft)}>
              {t('script.review.confirm')}
            </Button>
            {review.correction && (
              <Button disabled={saving} onClick={() => void store(null)}>
                {t('script.review.removeCorrection')}
              </Button>
            )}
          </Space>
        </>
      )}
    </Card>
  );
}
