import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import { ExportButton } from '../exports/ExportButton';
import { AnnexesPanel } from './AnnexesPanel';
import { ClausesView } from './ClausesView';
import { useClauseNavigation } from './clauseNavigation';
import { ReportPanel } from './ReportPanel';

/** The 合作安排 tab: the text clause by clause, the annexes, and the implementation report. */
export function ArrangementTab({ language, contacts }: { language: Language; contacts: Contact[] }) {
  const { t } = useTranslation();
  const navigation = useClauseNavigation();
  const [section, setSection] = useState('clauses');
  const [selected, setSelected] = useState(navigation?.target?.nodeId ?? '1');
  const [annex, setAnnex] = useState<{ id: string; version: number } | null>(null);
  // Annex edits change what the clauses show; the clause view reloads when it is shown again.
  const [annexVersion, setAnnexVersion] = useState(0);

  // A clause link elsewhere was followed: show that clause (adjusted while rendering, once per request).
  const target = navigation?.target ?? null;
  const [seen, setSeen] = useState(target?.version ?? 0);
  if (target && target.version !== seen) {
    setSeen(target.version);
    setSelected(target.nodeId);
    setSection('clauses');
  }

  return (
    <Tabs
      aria-label={t('arrangement.sections')}
      activeKey={section}
      onChange={setSection}
      items={[
        {
          key: 'clauses',
          label: t('arrangement.clausesTab'),
          children: (
            <ClausesView
              key={annexVersion}
              language={language}
              contacts={contacts}
              selected={selected}
              onSelect={setSelected}
              onOpenAnnex={(id) => {
                setAnnex((current) => ({ id, version: (current?.version ?? 0) + 1 }));
                setSection('annexes');
              }}
            />
          ),
        },
        {
          key: 'annexes',
          label: t('arrangement.annexesTab'),
          children: <AnnexesPanel language={language} openAnnex={annex} onChanged={() => setAnnexVersion((v) => v + 1)} />,
        },
        {
          key: 'report',
          label: t('arrangement.reportTab'),
          children: (
            <ReportPanel
              language={language}
              exportSlot={(draft) => (
                <ExportButton target={() => ({ kind: 'implementationReport', draftId: draft.id })} label={t('arrangement.report.export')} />
              )}
            />
          ),
        },
      ]}
    />
  );
}
