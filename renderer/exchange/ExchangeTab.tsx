import { App as AntApp, Badge, Spin, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conflict, ExchangeLogEntry, FolderState, Identity, Peer } from '../../shared/exchange/types';
import type { Contact } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { onlyShownPaneRenders } from '../ui/tabPanes';
import { ConflictsPanel } from './ConflictsPanel';
import { ExchangeLog } from './ExchangeLog';
import { IdentityPanel } from './IdentityPanel';
import { PackagesPanel } from './PackagesPanel';
import { PeersPanel } from './PeersPanel';
import './exchange.css';

const readAll = () =>
  Promise.all([
    unwrap(api().exchange.identity()),
    unwrap(api().exchange.peers()),
    unwrap(api().exchange.folder()),
    unwrap(api().exchange.log()),
    unwrap(api().exchange.conflicts()),
  ]);

export type ExchangeSection = 'identity' | 'peers' | 'packages' | 'conflicts' | 'log';

/**
 * 交換: this installation and its peers, packages prepared and opened, the exchange folder, the
 * conflicts to settle and the exchange log. Opens on the set-up while this laptop is not set up.
 */
export function ExchangeTab({
  contacts,
  language,
  focus,
  onDataChanged,
}: {
  contacts: Contact[];
  language: Language;
  /** A section someone asked for (the header's conflict count, a record's marker); a new version brings it forward. */
  focus: { section: ExchangeSection; version: number } | null;
  /** A package was opened or a conflict settled: sub-groups, contacts and lists may have changed. */
  onDataChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [folder, setFolder] = useState<FolderState | null>(null);
  const [log, setLog] = useState<ExchangeLogEntry[]>([]);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [section, setSection] = useState<ExchangeSection>(focus?.section ?? 'packages');
  const [shownFocus, setShownFocus] = useState(focus?.version);
  if (focus?.version !== shownFocus) {
    setShownFocus(focus?.version);
    if (focus) setSection(focus.section);
  }

  const apply = useCallback(([me, known, where, entries, open]: Awaited<ReturnType<typeof readAll>>) => {
    setIdentity(me);
    setPeers(known);
    setFolder(where);
    setLog(entries);
    setConflicts(open);
  }, []);
  const failed = useCallback((error: unknown) => void message.error(errorText(error)), [message, errorText]);
  const load = () => readAll().then(apply, failed);
  // Read again whenever the tab is shown (its effects rerun). A laptop not yet set up opens on its set-up.
  useEffect(() => {
    readAll().then((all) => {
      apply(all);
      if (!all[0].configured) setSection('identity');
    }, failed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!identity) return <Spin description={t('app.loading')} />;
  return (
    <section aria-label={t('exchange.title')}>
      <Tabs
        aria-label={t('exchange.sectionsLabel')}
        activeKey={section}
        onChange={(key) => setSection(key as ExchangeSection)}
        items={onlyShownPaneRenders(
          [
            {
              key: 'identity',
              label: identity.configured ? t('exchange.sections.identity') : <Badge dot offset={[6, 0]}>{t('exchange.sections.identity')}</Badge>,
              children: <IdentityPanel identity={identity} contacts={contacts} language={language} onChanged={setIdentity} />,
            },
            { key: 'peers', label: t('exchange.sections.peers'), children: <PeersPanel peers={peers} language={language} onChanged={() => void load()} /> },
            {
              key: 'packages',
              label: t('exchange.sections.packages'),
              children: (
                <PackagesPanel
                  identity={identity}
                  peers={peers}
                  folder={folder}
                  language={language}
                  onFolderChanged={setFolder}
                  onPrepared={() => void load()}
                  onOpened={() => {
                    void load();
                    onDataChanged();
                  }}
                />
              ),
            },
            {
              key: 'conflicts',
              label: (
                <Badge count={conflicts.length} size="small" offset={[10, -2]}>
                  {t('exchange.sections.conflicts')}
                </Badge>
              ),
              children: (
                <ConflictsPanel
                  conflicts={conflicts}
                  identity={identity}
                  contacts={contacts}
                  language={language}
                  onSettled={(left) => {
                    setConflicts(left);
                    onDataChanged();
                  }}
                />
              ),
            },
            { key: 'log', label: t('exchange.sections.log'), children: <ExchangeLog entries={log} language={language} /> },
          ],
          section,
        )}
      />
    </section>
  );
}
