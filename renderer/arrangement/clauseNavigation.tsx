import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { findClauseReferences, nodeLabel } from '../../shared/arrangement/clauses';
import type { Language } from '../../shared/model/language';
import { labelsIn } from '../i18n/i18n';

interface ClauseNavigation {
  /** Opens the arrangement tab at a clause (or group of clauses). */
  openClause(nodeId: string): void;
  /** The clause last asked for, with a counter so asking twice for the same one still scrolls to it. */
  target: { nodeId: string; version: number } | null;
}

const ClauseNavigationContext = createContext<ClauseNavigation | null>(null);

/** Lets any clause reference in the app open the arrangement tab at that clause. */
export function ClauseNavigationProvider({ onOpen, children }: { onOpen: () => void; children: ReactNode }) {
  const [target, setTarget] = useState<ClauseNavigation['target']>(null);
  const openClause = useCallback(
    (nodeId: string) => {
      setTarget((current) => ({ nodeId, version: (current?.version ?? 0) + 1 }));
      onOpen();
    },
    [onOpen],
  );
  const value = useMemo(() => ({ openClause, target }), [openClause, target]);
  return <ClauseNavigationContext.Provider value={value}>{children}</ClauseNavigationContext.Provider>;
}

export function useClauseNavigation(): ClauseNavigation | null {
  return useContext(ClauseNavigationContext);
}

/** A clause reference (第二條（三）1) that opens the arrangement at that clause; plain text where nothing can open it. */
export function ClauseLink({ id, language, text }: { id: string; language: Language; /** As written, where it differs from the label. */ text?: string }) {
  const navigation = useClauseNavigation();
  const label = nodeLabel(id, language);
  if (!navigation) return <>{text ?? label}</>;
  // A plain link: this sits in every row of long lists, where antd's Typography costs too much.
  return (
    <a
      className="clause-link"
      href={`#clause-${id}`}
      onClick={(event) => {
        // In-app navigation, not the page's: and inside a clickable table row, the clause, not the row.
        event.preventDefault();
        event.stopPropagation();
        navigation.openClause(id);
      }}
      aria-label={labelsIn(language)('arrangement.openClause', { clause: label })}
    >
      {text ?? label}
    </a>
  );
}

/** Free text (a note, a decision) with each clause reference in it (第二條（三）1, Article 4) made a link. */
export function ClauseText({ text, language }: { text: string; language: Language }) {
  const references = findClauseReferences(text);
  if (references.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end, id } of references) {
    parts.push(text.slice(at, start), <ClauseLink key={start} id={id} language={language} text={text.slice(start, end)} />);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Several clause references, separated as the script writes lists. */
export function ClauseLinks({ ids, language }: { ids: readonly string[]; language: Language }) {
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && (language === 'en' ? ', ' : '、')}
          <ClauseLink id={id} language={language} />
        </span>
      ))}
    </>
  );
}
