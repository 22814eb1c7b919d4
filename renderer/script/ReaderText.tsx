import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { detectScript } from '../../shared/script/detect';
import { scriptTag } from '../../shared/model/language';
import type { ScriptOverrides } from '../../shared/script/overrides';
import { findMatchRanges } from '../../shared/script/search';
import { useReaderScript } from './readerScript';
import { type Script } from '../../shared/script/script';

/** `text` with each match of `query` (in either script) marked, as the reader sees it. */
export function Highlighted({ text, query }: { text: string; query?: string }) {
  const ranges = query?.trim() ? findMatchRanges(text, query) : [];
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(({ start, end }, i) => {
    parts.push(<Fragment key={`t${i}`}>{text.slice(at, start)}</Fragment>, <mark key={`m${i}`}>{text.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

/**
 * A piece of user content in the reader's script: the stored text converted (or its current hand
 * correction), with search matches marked, and a warning when a correction may be out of date.
 */
export function ReaderText({
  text,
  overrides,
  field,
  highlight,
}: {
  text: string;
  overrides?: ScriptOverrides;
  /** The field path its corrections are kept under, e.g. `title`. */
  field?: string;
  highlight?: string;
}) {
  const reader = useReaderScript();
  const shown = reader.show(text, overrides, field);
  const content = (
    <>
      <Highlighted text={shown.text} query={highlight} />
      {shown.stale && <StaleCorrectionMark />}
    </>
  );
  // In English, content is shown as typed: Chinese text carries its own language, so a screen reader
  // reads it with a Hong Kong or a Mainland voice rather than an English one.
  const lang = reader.script === null ? typedLanguage(shown.text) : undefined;
  return lang ? <span lang={lang}>{content}</span> : content;
}

/** The tag of text shown as typed: its script's when it has Chinese in it (Hong Kong's when either could be). */
export function typedLanguage(text: string): string | undefined {
  if (!/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return undefined;
  return scriptTag[detectScript(text) === 'hans' ? 'hans' : 'hant'];
}

/** A hand correction whose source text has changed since: rare, so only then does it pay for its labels. */
function StaleCorrectionMark() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('script.staleHelp')}>
      <ExclamationCircleOutlined className="script-stale" aria-label={t('script.stale')} style={{ color: '#d48806', marginInlineStart: 4 }} />
    </Tooltip>
  );
}

/** The script a record was written in, which is the authoritative text: e.g. 原文：繁體. */
export function WrittenInTag({ script }: { script: Script | undefined }) {
  const { t } = useTranslation();
  if (!script) return null;
  const name = t(`script.name.${script}`);
  return (
    <Tooltip title={t('script.writtenInHelp', { script: name })}>
      <Tag className="written-in" data-script={script}>
        {t('script.writtenIn', { script: name })}
      </Tag>
    </Tooltip>
  );
}
