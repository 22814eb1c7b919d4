import { rm } from 'node:fs/promises';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../renderer/api/hetao';
import { buildApi } from '../../shared/ipc/buildApi';
import type { HetaoApi } from '../../shared/ipc/contract';
import { appFrame, useTestBackend } from '../support/testBackend';
import { carrierFolder, carry, hongKong, pairLaptops, shenzhen, type Laptop } from '../support/exchangeLaptops';
import { useRenderedApp } from './realBackend';

const renderApp = useRenderedApp();
const openOtherLaptop = useTestBackend();

// antd under jsdom renders slowly; a whole flow takes longer than the project's default.
const SLOW = 120_000;

describe.each([
  { locale: 'zh-HK', office: shenzhen.office.hant },
  { locale: 'zh-CN', office: shenzhen.office.hans },
])('the audit trail view in $locale', ({ locale, office }) => {
  it('after an exchange each way, Verify names the office whose countersignature covers the log', { timeout: SLOW }, async () => {
    const session = await openOtherLaptop({ systemLocale: 'zh-CN' });
    const api: HetaoApi = buildApi((channel, input) => session.backend.dispatch(channel, input, appFrame), () => () => undefined);
    const other: Laptop = { api, dialogs: session.dialogs };
    const app = await renderApp({ systemLocale: locale });
    const here: Laptop = { api: window.hetao, dialogs: app.dialogs };
    const user = userEvent.setup();
    const auditButton = await screen.findByRole('button', { name: i18next.t('audit.title') });
    const folder = await carrierFolder();
    try {
      const { bOnA, aOnB } = await pairLaptops(here, hongKong, other, shenzhen);
      await carry(here, bOnA, other, folder);
      await carry(other, aOnB, here, folder);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }

    await user.click(auditButton);
    const drawer = await screen.findByRole('dialog');
    // The button's name also carries its icon's label.
    await user.click(await within(drawer).findByRole('button', { name: new RegExp(`${i18next.t('audit.verify')}$`) }));
    const result = await unwrap(here.api.audit.verify());
    expect(result.countersignedEntries).toBeGreaterThan(0);
    const covered = i18next.t('audit.result.covered', { count: result.countersignedEntries, entries: result.entries, offices: office });
    expect((await within(drawer).findByText(covered)).textContent).toContain(office);
  });
});
