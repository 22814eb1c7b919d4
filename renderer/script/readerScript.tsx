import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readerScriptOf, type Language } from '../../shared/model/language';
import { ConversionCache } from '../../shared/script/conversionCache';
import { getLoadedConverters, loadConverters, type ConversionRules, type Converters } from '../../shared/script/convert';
import type { Script } from '../../shared/script/script';
import { fieldInScript, readerConverters, type FieldInScript } from '../../shared/script/fieldInScript';
import type { Glossary } from '../../shared/script/glossary';
import { glossaryOf } from '../../shared/script/glossaryRecord';
import type { ScriptOverrides } from '../../shared/script/overrides';
import { setNamesQuoteMarks, type QuoteMarks } from '../../shared/script/quotes';
import { api, unwrap } from '../api/hetao';

export interface ReaderScript {
  /** The reader's script, or null when content is shown as typed. */
  script: Script | null;
  /** False until the dictionaries have loaded; meanwhile text is shown as stored. */
  ready: boolean;
  /** A field as the reader sees it: its current correction, else the cached conversion. */
  show(text: string, overrides?: ScriptOverrides, field?: string): FieldInScript;
  glossary: Glossary;
  /** Reads the glossary again after it was edited, so every screen converts with the new terms. */
  reloadGlossary(): Promise<void>;
  /** The working group's choice of quotation marks. */
  quoteMarks: QuoteMarks;
  /** Applies a new choice of quotation marks to every screen at once. */
  setQuoteMarks(quoteMarks: QuoteMarks): void;
}

const asTyped = (text: string): FieldInScript => ({ text, corrected: false, stale: false });

const ReaderScriptContext = createContext<ReaderScript>({
  script: null,
  ready: false,
  show: asTyped,
  glossary: [],
  reloadGlossary: async () => undefined,
  quoteMarks: 'reader',
  setQuoteMarks: () => undefined,
});

/**
 * Shows user content in the reader's script. The dictionaries load after the first paint (and only
 * when a Chinese UI asks for them); until then stored text is shown. Each conversion is cached by
 * text, so switching script on a list of thousands re-renders without converting again.
 */
export function ReaderScriptProvider({ language, children }: { language: Language; children: ReactNode }) {
  const script = readerScriptOf(language);
  const [engine, setEngine] = useState<Converters | undefined>(() => {
    const loaded = getLoadedConverters();
    return loaded && readerConverters(loaded);
  });
  const [glossary, setGlossary] = useState<Glossary>([]);
  const [quoteMarks, setQuoteMarksState] = useState<QuoteMarks>('reader');
  const { i18n } = useTranslation();
  const setQuoteMarks = useCallback(
    (next: QuoteMarks) => {
      // Names are read (nameIn) by views that never ask this context; every view that translates renders
      // again on languageChanged, so announcing the same language shows the names with the new marks.
      if (setNamesQuoteMarks(next)) void i18n.changeLanguage(i18n.language);
      setQuoteMarksState(next);
    },
    [i18n],
  );

  useEffect(() => {
    if (engine || !script) return;
    let current = true;
    // A failed load leaves text as typed; the next switch of script tries again.
    loadConverters().then((loaded) => current && setEngine(readerConverters(loaded)), () => undefined);
    return () => {
      current = false;
    };
  }, [engine, script]);

  const reloadGlossary = useCallback(async () => {
    setGlossary(glossaryOf(await unwrap(api().script.glossary({ includeDeleted: false }))));
  }, []);
  useEffect(() => {
    let current = true;
    // Until the working group's record is read, marks follow the reader's script (the default).
    unwrap(api().workingGroup.get()).then((group) => current && setQuoteMarks(group.quoteMarks ?? 'reader'), () => undefined);
    // Without the glossary, text still converts by OpenCC alone.
    unwrap(api().script.glossary({ includeDeleted: false })).then((terms) => current && setGlossary(glossaryOf(terms)), () => undefined);
    return () => {
      current = false;
    };
  }, [setQuoteMarks]);

  const cache = useMemo(() => engine && new ConversionCache(engine), [engine]);
  // One rules object per glossary and choice of marks: the cache starts afresh when either changes.
  const rules = useMemo<ConversionRules>(() => ({ glossary, quotes: quoteMarks }), [glossary, quoteMarks]);
  const show = useCallback(
    (text: string, overrides?: ScriptOverrides, field?: string): FieldInScript => {
      if (!script) return asTyped(text);
      // Before the dictionaries load, a current correction can already be shown; conversion cannot.
      const convert = cache ? (source: string, direction: 'toHant' | 'toHans') => cache.convert(source, direction, rules) : (source: string) => source;
      return fieldInScript(convert, text, script, overrides, field);
    },
    [script, cache, rules],
  );

  const value = useMemo(
    () => ({ script, ready: !!cache, show, glossary, reloadGlossary, quoteMarks, setQuoteMarks }),
    [script, cache, show, glossary, reloadGlossary, quoteMarks, setQuoteMarks],
  );
  return <ReaderScriptContext.Provider value={value}>{children}</ReaderScriptContext.Provider>;
}

export function useReaderScript(): ReaderScript {
  return useContext(ReaderScriptContext);
}
