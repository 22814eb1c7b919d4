import { AuditOutlined, LockOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Layout, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, MenuCommand, SaveStatus, StartupNotice } from '../../shared/ipc/contract';
import type { Contact } from '../../shared/model/contact';
import { nameIn, type Language } from '../../shared/model/language';
import { shortSubGroupName, type SubGroup, type WorkingGroup } from '../../shared/model/subGroup';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { switchLanguage } from '../i18n/i18n';
import { prefetchFirstPages } from '../actions/firstPagePrefetch';
import { ArrangementTab } from '../arrangement/ArrangementTab';
import { ClauseNavigationProvider } from '../arrangement/clauseNavigation';
import { ContactsView } from '../contacts/ContactsView';
import { AuditView } from '../audit/AuditView';
import { GlobalSearch } from '../search/GlobalSearch';
import type { SearchHit } from '../../shared/search/contract';
import { noFilter } from '../../shared/actions/filters';
import { prefetchOverview } from '../overview/ActionsOverview';
import { OverviewTab } from '../overview/OverviewTab';
import { SettingsDialog } from '../settings/SettingsDialog';
import { SubGroupTab, type ActionFocus } from '../subGroups/SubGroupTab';
import { useSubGroupManagement } from '../subGroups/useSubGroupManagement';
import { LanguageSwitch } from './LanguageSwitch';
import { SaveStatusBanner } from './SaveStatusBanner';
import { StartupNotices } from './StartupNotices';
import { onlyShownPaneRenders } from '../ui/tabPanes';
import { ConflictCount } from '../exchange/ConflictCount';
import { ConflictMarksProvider } from '../exchange/conflictMarks';
import { ExchangeTab, type ExchangeSection } from '../exchange/ExchangeTab';
import { TabBarExtra } from '../ui/TabBarExtra';
import { useLock } from '../lock/lockContext';

const OVERVIEW = 'overview';
const CONTACTS = 'contacts';
const ARRANGEMENT = 'arrangement';
const EXCHANGE = 'exchange';

/** The main screen: header, notices, and a tab for the overview and for each sub-group. */
export function Workbench({
  info,
  language,
  onLanguageChanged,
}: {
  info: AppInfo;
  language: Language;
  onLanguageChanged: (language: Language) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const lock = useLock();
  const [workingGroup, setWorkingGroup] = useState<WorkingGroup | null>(null);
  const [subGroups, setSubGroups] = useState<SubGroup[] | null>(null);
  const [notices, setNotices] = useState<StartupNotice[]>([]);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ unsavedChanges: false, lastError: null });
  const [activeTab, setActiveTab] = useState(OVERVIEW);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [auditOpen, setAuditOpen] = useState(false);
  const [contacts, setContacts] = useState<Contact[]>([]);
  // What the overview asked a sub-group tab to show: a filter, and maybe one action to open.
  const [actionFocus, setActionFocus] = useState<(ActionFocus & { subGroupId: string }) | null>(null);
  // The overview reloads by itself whenever it is shown again (a pane's effects rerun); this asks it to
  // reload while on screen, when a sub-group is archived or restored from the dialog above it.
  const [overviewVersion, setOverviewVersion] = useState(0);
  // The contact a search hit asked the contacts tab to open.
  const [contactFocus, setContactFocus] = useState<{ contactId: string; version: number } | null>(null);
  // The exchange section a marker or the header's conflict count asked for.
  const [exchangeFocus, setExchangeFocus] = useState<{ section: ExchangeSection; version: number } | null>(null);
  const openConflicts = useCallback(() => {
    setExchangeFocus((current) => ({ section: 'conflicts', version: (current?.version ?? 0) + 1 }));
    setActiveTab(EXCHANGE);
  }, []);

  const refreshSaveStatus = useCallback(async () => {
    setSaveStatus(await unwrap(api().store.saveStatus()));
  }, []);

  useEffect(() => {
    prefetchOverview();
    Promise.all([
      unwrap(api().workingGroup.get()),
      unwrap(api().subGroups.list()),
      unwrap(api().app.startupNotices()),
      unwrap(api().store.saveStatus()),
    ])
      .then(([group, groups, startup, status]) => {
        setWorkingGroup(group);
        setSubGroups(groups);
        setNotices(startup);
        setSaveStatus(status);
      })
      .catch((error: unknown) => void message.error(errorText(error)));
    // Loaded once; later changes arrive through the handlers below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Officers are picked from the contacts: read at start, and again on leaving the contacts tab.
  const reloadContacts = useCallback(() => {
    unwrap(api().contacts.list({ includeDeleted: false })).then(setContacts, (error: unknown) => void message.error(errorText(error)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(reloadContacts, [reloadContacts]);

  // An opened package or a settled conflict may have brought sub-groups, their names and contacts.
  const reloadShared = () => {
    Promise.all([unwrap(api().workingGroup.get()), unwrap(api().subGroups.list())])
      .then(([group, groups]) => {
        setWorkingGroup(group);
        setSubGroups(groups);
      })
      .catch((error: unknown) => void message.error(errorText(error)));
    reloadContacts();
    setOverviewVersion((v) => v + 1);
    void refreshSaveStatus();
  };

  // Sub-group tabs then open with their first rows already at hand.
  useEffect(() => {
    if (subGroups) prefetchFirstPages(subGroups.filter((s) => s.archivedAt === null).map((s) => s.id));
  }, [subGroups]);

  useEffect(
    () =>
      api().onMenuCommand((command: MenuCommand) => {
        if (command === 'openSettings') setSettingsOpen(true);
      }),
    [],
  );

  // A search hit opens where the record lives: an action in its sub-group's list with its drawer open.
  const openSearchHit = (hit: Pick<SearchHit, 'kind' | 'id' | 'subGroupId'>) => {
    if (activeTab === CONTACTS && hit.kind !== 'contact') reloadContacts();
    if (hit.kind === 'action' && hit.subGroupId) {
      setActionFocus((current) => ({ subGroupId: hit.subGroupId!, filter: noFilter, actionId: hit.id, version: (current?.version ?? 0) + 1 }));
      setActiveTab(hit.subGroupId);
    } else if (hit.kind === 'contact') {
      setContactFocus((current) => ({ contactId: hit.id, version: (current?.version ?? 0) + 1 }));
      setActiveTab(CONTACTS);
    } else if (hit.kind === 'subGroup') {
      setActiveTab(hit.id);
    }
  };

  const changeLanguage = async (next: Language) => {
    // The screen switches at once; remembering the choice follows, and if the disk refuses it the
    // switch still stands on screen and the banner says it is not yet saved.
    switchLanguage(next);
    onLanguageChanged(next);
    try {
      await unwrap(api().settings.setLanguage(next));
    } catch (error) {
      void message.error(errorText(error));
    }
    await refreshSaveStatus();
  };

  const retrySave = async () => {
    setSaveStatus(await unwrap(api().store.retrySave()));
  };

  const manage = useSubGroupManagement({
    subGroups: subGroups ?? [],
    setSubGroups,
    contacts,
    language,
    activeTab,
    onOpen: (subGroupId) => {
      setActiveTab(subGroupId ?? OVERVIEW);
      void refreshSaveStatus();
    },
    onArchivedChanged: () => {
      setOverviewVersion((v) => v + 1);
      void refreshSaveStatus();
    },
  });

  if (!subGroups || !workingGroup) {
    return <Spin fullscreen description={t('app.loading')} />;
  }

  const { visible } = manage;
  return (
    <ConflictMarksProvider onOpenConflicts={openConflicts}>
    <Layout style={{ minHeight: '100vh' }}>
      {/* The first stop of Tab: past the header's search and switches to the open tab's content. */}
      <a
        className="skip-link"
        href="#app-content"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('app-content')?.focus();
        }}
      >
        {t('a11y.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <div className="app-title">
          <Typography.Title level={4} style={{ margin: 0, color: 'inherit' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text className="app-subtitle">{t('app.subtitle')}</Typography.Text>
        </div>
        <div className="app-header-actions">
          <ConflictCount />
          <GlobalSearch language={language} onOpen={openSearchHit} />
          <LanguageSwitch value={language} onChange={(next) => void changeLanguage(next)} />
          <Button icon={<AuditOutlined />} onClick={() => setAuditOpen(true)} aria-label={t('audit.title')} />
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} aria-label={t('settings.title')} />
          {lock?.status.encrypted && (
            <Button icon={<LockOutlined />} onClick={() => void lock.lockNow()} aria-label={t('encryption.lock')} title={t('encryption.lock')} />
          )}
        </div>
      </Layout.Header>
      <SaveStatusBanner status={saveStatus} onRetry={() => void retrySave()} />
      <Layout.Content className="app-content" id="app-content" tabIndex={-1}>
        {/* Clause references anywhere below open the arrangement tab at that clause. */}
        <ClauseNavigationProvider onOpen={() => setActiveTab(ARRANGEMENT)}>
        <StartupNotices
          notices={notices}
          language={language}
          onDismiss={(index) => setNotices((current) => current.filter((_, i) => i !== index))}
        />
        <Tabs
          type="card"
          aria-label={t('tabs.tabsLabel')}
          activeKey={activeTab}
          onChange={(key) => {
            if (activeTab === CONTACTS) reloadContacts();
            setActiveTab(key);
          }}
          renderTabBar={manage.renderTabBar}
          tabBarExtraContent={{
            right: (
              <TabBarExtra>
                <Button type="text" icon={<PlusOutlined />} onClick={manage.startNew}>
                  {t('tabs.addSubGroup')}
                </Button>
                {manage.tabBarButtons}
              </TabBarExtra>
            ),
          }}
          items={onlyShownPaneRenders([
            {
              key: OVERVIEW,
              label: t('tabs.overview'),
              children: (
                <OverviewTab
                  workingGroup={workingGroup}
                  subGroups={visible}
                  language={language}
                  refreshKey={overviewVersion}
                  onOpen={setActiveTab}
                  onOpenActions={(subGroupId, filter, actionId) => {
                    setActionFocus((current) => ({ subGroupId, filter, actionId: actionId ?? null, version: (current?.version ?? 0) + 1 }));
                    setActiveTab(subGroupId);
                  }}
                />
              ),
            },
            {
              key: CONTACTS,
              label: t('tabs.contacts'),
              // Archived sub-groups too: people's memberships in them are kept and shown by name.
              children: <ContactsView language={language} subGroups={subGroups} focus={contactFocus} />,
            },
            { key: ARRANGEMENT, label: t('arrangement.tab'), children: <ArrangementTab language={language} contacts={contacts} /> },
            {
              key: EXCHANGE,
              label: t('exchange.tab'),
              children: <ExchangeTab contacts={contacts} language={language} focus={exchangeFocus} onDataChanged={reloadShared} />,
            },
            ...visible.map((subGroup) => ({
              key: subGroup.id,
              label: shortSubGroupName(nameIn(subGroup.name, language)),
              children: (
                <SubGroupTab
                  subGroup={subGroup}
                  contacts={contacts}
                  language={language}
                  focus={actionFocus?.subGroupId === subGroup.id ? actionFocus : undefined}
                  onEdit={() => manage.edit(subGroup)}
                  onArchive={() => manage.archive(subGroup)}
                  onChanged={(saved) => setSubGroups((current) => (current ?? []).map((s) => (s.id === saved.id ? saved : s)))}
                />
              ),
            })),
          ], activeTab)}
        />
        </ClauseNavigationProvider>
      </Layout.Content>
      {manage.dialogs}
      <Drawer open={auditOpen} onClose={() => setAuditOpen(false)} title={t('audit.title')} size="90%" destroyOnHidden>
        <AuditView
          contacts={contacts}
          language={language}
          onOpen={(target) => {
            setAuditOpen(false);
            openSearchHit(target);
          }}
        />
      </Drawer>
      <SettingsDialog
        open={settingsOpen}
        info={info}
        language={language}
        onLanguageChange={(next) => void changeLanguage(next)}
        onClose={() => setSettingsOpen(false)}
      />
    </Layout>
    </ConflictMarksProvider>
  );
}
