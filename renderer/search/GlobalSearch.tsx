import { SearchOutlined } from '@ant-design/icons';
import { Input, Spin, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nameIn, type Language } from '../../shared/model/language';
import type { SearchHit, SearchKind, SearchResults } from '../../shared/search/contract';
import { findMatchRanges } from '../../shared/script/search';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { ConflictMarker } from '../exchange/ConflictMarker';
import { Highlighted, ReaderText } from '../script/ReaderText';
import { useReaderScript } from '../script/readerScript';

/** Each query waits this long for the next keystroke, so typing a word sends one search, not one a character. */
const TYPING_PAUSE_MS = 150;
const groups: Array<{ kind: SearchKind; key: keyof SearchResults }> = [
  { kind: 'action', key: 'actions' },
  { kind: 'contact', key: 'contacts' },
  { kind: 'subGroup', key: 'subGroups' },
];

/**
 * The window's search box: actions, contacts and sub-groups in one list grouped by kind, found in either
 * script and shown in the reader's, the match marked. Ctrl+K or Ctrl+F focuses it, the arrows move through
 * the hits, Enter opens one and Esc clears the box.
 */
export function GlobalSearch({ language, onOpen }: { language: Language; onOpen: (hit: SearchHit) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const input = useRef<InputRef>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; value: SearchResults } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const focus = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'k' || event.key === 'K' || event.key === 'f' || event.key === 'F')) {
        event.preventDefault();
        input.current?.focus({ cursor: 'all' });
        setOpen(true);
      }
    };
    window.addEventListener('keydown', focus);
    return () => window.removeEventListener('keydown', focus);
  }, []);

  const text = query.trim();
  useEffect(() => {
    if (!text) return;
    let current = true;
    const timer = setTimeout(() => {
      unwrap(api().search.all({ text, limit: 8 })).then(
        (value) => {
          if (!current) return;
          setResults({ query: text, value });
          setProblem(null);
          setActive(0);
        },
        (error: unknown) => current && setProblem(errorText(error)),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // errorText changes with the language only; the query is what is searched.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const shown = results && results.query === text ? results.value : null;
  const hits = useMemo(() => (shown ? groups.flatMap(({ key }) => shown[key].hits) : []), [shown]);

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, listId]);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    input.current?.blur();
    onOpen(hit);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) setQuery('');
      else input.current?.blur();
      setOpen(false);
    }
  };

  const panelOpen = open && !!text;
  let index = 0;
  return (
    <div className="global-search" style={{ position: 'relative' }}>
      <Input
        ref={input}
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={panelOpen}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={panelOpen && hits.length ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        prefix={<SearchOutlined />}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        style={{ width: 300 }}
      />
      {panelOpen && (
        <div
          id={listId}
          // A list of hits to choose from; until there are any, what the search is doing, read out as it changes.
          role={!problem && shown && hits.length > 0 ? 'listbox' : 'status'}
          aria-label={t('search.results')}
          className="global-search-panel"
          // Clicking a hit must not blur the box first, which would close the panel under the pointer.
          onMouseDown={(event) => event.preventDefault()}
          style={{
            position: 'absolute',
            top: 'calc(100% + 4px)',
            right: 0,
            width: 540,
            maxHeight: '70vh',
            overflowY: 'auto',
            zIndex: 1050,
            background: '#fff',
            color: 'rgba(0, 0, 0, 0.88)',
            borderRadius: 8,
            boxShadow: '0 6px 16px rgba(0, 0, 0, 0.16)',
            padding: '4px 0',
          }}
        >
          {problem ? (
            <Typography.Text type="danger" style={{ display: 'block', padding: '8px 12px' }}>
              {t('search.failed', { reason: problem })}
            </Typography.Text>
          ) : !shown ? (
            <div style={{ padding: '8px 12px' }}>
              <Spin size="small" style={{ marginInlineEnd: 8 }} />
              <Typography.Text type="secondary">{t('search.searching')}</Typography.Text>
            </div>
          ) : hits.length === 0 ? (
            <div style={{ padding: '8px 12px' }}>
              <Typography.Text strong>{t('search.none', { query: text })}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('search.noneHelp')}</Typography.Text>
            </div>
          ) : (
            groups.map(({ kind, key }) => {
              const group = shown[key];
              if (group.hits.length === 0) return null;
              const headingId = `${listId}-${kind}`;
              return (
                <div key={kind} role="group" aria-labelledby={headingId}>
                  <div id={headingId} className="global-search-group" style={{ padding: '6px 12px 2px', fontSize: 12, color: 'rgba(0, 0, 0, 0.55)' }}>
                    {t('search.groupHeading', { group: t(`search.groups.${kind}`), count: group.total })}
                  </div>
                  {group.hits.map((hit) => {
                    const at = index++;
                    return (
                      <div
                        key={hit.id}
                        id={`${listId}-${at}`}
                        role="option"
                        aria-selected={at === active}
                        data-kind={hit.kind}
                        onMouseEnter={() => setActive(at)}
                        onClick={() => choose(hit)}
                        style={{ padding: '6px 12px', cursor: 'pointer', background: at === active ? '#e6f4ff' : undefined }}
                      >
                        <HitText hit={hit} query={text} language={language} />
                      </div>
                    );
                  })}
                  {group.total > group.hits.length && (
                    <div style={{ padding: '2px 12px 6px', fontSize: 12, color: 'rgba(0, 0, 0, 0.62)' }}>{t('search.more', { count: group.total - group.hits.length })}</div>
                  )}
                </div>
              );
            })
          )}
        </div>
      )}
    </div>
  );
}

/** A hit as two lines: what the record is called, then the field the query was found in when that is another one. */
function HitText({ hit, query, language }: { hit: SearchHit; query: string; language: Language }) {
  const { t } = useTranslation();
  let name: React.ReactNode;
  let inName: boolean;
  if (hit.kind === 'subGroup' && hit.names) {
    const ownName = nameIn(hit.names, language);
    name = <Highlighted text={ownName} query={query} />;
    // A match in another script's or language's name is shown below unless the reader's name holds it too.
    inName = hit.field === 'code' || (hit.field === 'name' && findMatchRanges(ownName, query).length > 0);
  } else {
    name = <ReaderText text={hit.title} overrides={hit.scriptOverrides} field={hit.kind === 'action' ? 'title' : 'name'} highlight={query} />;
    inName = hit.field === 'reference' || hit.field === (hit.kind === 'action' ? 'title' : 'name');
  }
  return (
    <>
      <div>
        {hit.code && (
          <Tag style={{ marginInlineEnd: 6 }}>
            <Highlighted text={hit.code} query={query} />
          </Tag>
        )}
        {name}
        <ConflictMarker recordId={hit.id} language={language} />
      </div>
      {!inName && (
        <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.55)' }}>
          {t('search.inField', { field: t(`search.fields.${hit.kind}.${hit.field}`) })}
          <Snippet hit={hit} query={query} />
        </div>
      )}
    </>
  );
}

/** Characters of context kept before a match in a long field. */
const LEAD = 24;
const SPAN = 80;

/** The matched field in the reader's script, cut to the words around the first match, the match marked. */
function Snippet({ hit, query }: { hit: SearchHit; query: string }) {
  // Sub-group names are stored in each script already; everything else is converted as it is on screen.
  const converted = useReaderScript().show(hit.text, hit.scriptOverrides, hit.fieldPath).text;
  const text = hit.fieldPath.startsWith('name.') ? hit.text : converted;
  const first = findMatchRanges(text, query)[0];
  const from = first && first.start > LEAD ? first.start - LEAD : 0;
  const to = Math.min(text.length, from + SPAN);
  const clipped = (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '');
  return <Highlighted text={clipped} query={query} />;
}
