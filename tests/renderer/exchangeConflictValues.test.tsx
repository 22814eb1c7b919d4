import { render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../renderer/i18n/i18n';
import { ConflictsPanel } from '../../renderer/exchange/ConflictsPanel';
import { ReaderScriptProvider } from '../../renderer/script/readerScript';
import { buildApi } from '../../shared/ipc/buildApi';
import type { Conflict, Identity } from '../../shared/exchange/types';
import type { Contact } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import { appFrame, useTestBackend } from '../support/testBackend';

const openBackend = useTestBackend();

const CHAN = '3f2b6c1e-8a4d-4f6b-9c2e-1a2b3c4d5e6f';
const LI = '7d8e9f10-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const ENTRY = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const contacts = [
  { id: CHAN, name: '陳大文' },
  { id: LI, name: '李小明' },
] as Contact[];
const office = { hant: '深圳秘書處', hans: '深圳秘书处', en: 'Shenzhen Secretariat' };
const identity: Identity = {
  id: '11111111-2222-4333-8444-555555555555',
  configured: true,
  side: 'HK',
  office: { hant: '香港秘書處', hans: '香港秘书处', en: 'Hong Kong Secretariat' },
  device: 'hk-laptop',
  officerContactId: CHAN,
  fingerprint: '0'.repeat(60),
  createdAt: '2026-12-01T01:00:00.000Z',
};

/** An action changed differently on both sides: its officers, leads, due date, status and a progress note. */
const conflict: Conflict = {
  id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  collection: 'actions',
  recordId: 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff',
  label: 'SP-2026-015 租用深圳園區物業',
  theirs: { by: { id: '22222222-3333-4444-8555-666666666666', side: 'SZ', office, device: 'sz-laptop', officer: '李小明' }, at: '2026-12-02T03:04:00.000Z' },
  raisedAt: '2026-12-02T04:00:00.000Z',
  packageId: null,
  fields: [
    { path: 'officerIds', kind: 'field', mine: { present: true, value: [CHAN] }, theirs: { present: true, value: [CHAN, LI] }, base: { present: true, value: [] }, scriptOnly: false },
    { path: 'leads', kind: 'field', mine: { present: true, value: [{ side: 'HK', contactId: CHAN, status: 'inProgress' }] }, theirs: { present: true, value: [{ side: 'SZ', contactId: LI, status: 'blocked' }] }, base: null, scriptOnly: false },
    { path: 'dueDate', kind: 'field', mine: { present: true, value: '2026-12-31' }, theirs: { present: true, value: '2027-01-15' }, base: null, scriptOnly: false },
    {
      path: `progress/${ENTRY}`,
      kind: 'deleteVsEdit',
      mine: { present: true, value: { at: '2026-12-02T02:00:00.000Z', note: '已與業主會面', byContactId: LI } },
      theirs: { present: false, value: null },
      base: null,
      scriptOnly: false,
    },
  ],
};

async function showCard(language: Language) {
  const session = await openBackend({ systemLocale: language === 'zh-Hans' ? 'zh-CN' : language === 'en' ? 'en-GB' : 'zh-HK' });
  Object.defineProperty(window, 'hetao', {
    configurable: true,
    value: buildApi((channel, input) => session.backend.dispatch(channel, input, appFrame), () => () => undefined),
  });
  await initI18n(language);
  render(
    <AntApp>
      <ReaderScriptProvider language={language}>
        <ConflictsPanel conflicts={[conflict]} identity={identity} contacts={contacts} language={language} onSettled={() => undefined} />
      </ReaderScriptProvider>
    </AntApp>,
  );
  return screen.findByRole('group', { name: /SP-2026-015/ });
}

const field = (card: HTMLElement, name: string) => within(card).getByRole('group', { name });

describe('a conflict card', () => {
  it('shows lists, people, dates, codes and entries as a person reads them, in Simplified for a Shenzhen reader', async () => {
    const card = await showCard('zh-Hans');
    // The dictionaries load after the first paint: names then read in the reader's script.
    await waitFor(() => expect(field(card, '栏位：负责人员').textContent).toContain('陈大文、李小明'));
    expect(field(card, '栏位：负责人员').textContent).not.toContain(CHAN);
    // The card is named by the record's title in the reader's script too.
    expect(screen.getByRole('group', { name: /SP-2026-015 租用深圳园区物业/ })).toBe(card);
    expect(field(card, '栏位：牵头人员').textContent).toContain('方面：深圳；人员：李小明；状况：受阻');
    expect(field(card, '栏位：限期').textContent).toContain('2027年1月15日');
    const entry = field(card, '栏位：进展记录').textContent!;
    expect(entry).toContain('已与业主会面');
    expect(entry).toContain('记录人员：李小明');
    expect(entry).toMatch(/时间：2026年12月2日/);
    // Nothing is shown as the JSON it is stored as.
    expect(card.textContent).not.toMatch(/[{}[\]"]/);
  });

  it('reads the same card in Traditional for a Hong Kong reader', async () => {
    const card = await showCard('zh-Hant');
    expect(field(card, '欄位：負責人員').textContent).toContain('陳大文、李小明');
    expect(field(card, '欄位：牽頭人員').textContent).toContain('方面：香港；人員：陳大文；狀況：進行中');
    expect(field(card, '欄位：限期').textContent).toContain('2026年12月31日');
    expect(card.textContent).not.toMatch(/[{}[\]"]/);
  });
});
