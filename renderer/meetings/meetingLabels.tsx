import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttachmentState, Classification, MinutesStatus, PaperNumber } from '../../shared/model/meeting';
import { paperNumberLabel } from '../../shared/model/meeting';
import { readerScriptOf, type Language } from '../../shared/model/language';
import { CellTag, type TagTone } from '../ui/CellTag';

const minutesColours: Record<MinutesStatus, TagTone> = { draft: 'default', circulated: 'processing', confirmed: 'success' };

export function MinutesTag({ status }: { status: MinutesStatus }) {
  const { t } = useTranslation();
  return <CellTag tone={minutesColours[status]}>{t(`meetings.minutesValue.${status}`)}</CellTag>;
}

export function ClassificationTag({ classification }: { classification: Classification | null }) {
  const { t } = useTranslation();
  return classification ? <Tag color="red">{t(`meetings.classificationValue.${classification}`)}</Tag> : null;
}

export function AttachmentStateTag({ state, isPdf }: { state: AttachmentState | undefined; isPdf: boolean }) {
  const { t } = useTranslation();
  if (state === 'missing') return <Tag color="error">{t('meetings.papers.missing')}</Tag>;
  if (state === 'damaged') return <Tag color="error">{t('meetings.papers.damaged')}</Tag>;
  return isPdf ? null : <Tag>{t('meetings.papers.notPdf')}</Tag>;
}

/** 第3次會議 / 第3次会议 / Meeting 3, in the reader's language. */
export function useMeetingLabel(): (number: number) => string {
  const { t } = useTranslation();
  return (number) => t('meetings.numberLabel', { number });
}

export function paperLabel(number: PaperNumber, language: Language): string {
  return paperNumberLabel(number, readerScriptOf(language) ?? 'en');
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
