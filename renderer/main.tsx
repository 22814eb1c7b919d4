import { Result, Spin } from 'antd';
import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageForLocale } from '../shared/model/language';
import { loadConverters } from '../shared/script/convert';
import { api, BridgeError, unwrap } from './api/hetao';
import { initI18n, switchLanguage } from './i18n/i18n';
import { LockGate } from './lock/LockGate';
// antd's styles as one prebuilt sheet (the theme runs with zeroRuntime), so opening a tab does not
// first generate and inject each component's CSS.
import 'antd/dist/antd.css';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

/**
 * Says the data is opening (in the system's language) while the main process loads it, then asks
 * whether the folder is locked: the lock gate shows the lock screen, or reads what the first paint
 * needs (data folder state, chosen language) and renders the app.
 */
async function boot(): Promise<void> {
  // The script dictionaries (about 1 MB) load while the main process opens the data, rather than
  // after it, in the way of the first figures. A failed load is tried again when text is shown.
  loadConverters().catch(() => undefined);
  await initI18n(languageForLocale(navigator.language));
  root.render(<Spin fullscreen description={i18next.t('app.loading')} />);
  const status = await unwrap(api().lock.status());
  // The lock screen speaks the user's language when it is known (locked earlier in this session).
  if (status.locked) switchLanguage(status.language);
  root.render(
    <StrictMode>
      <LockGate initial={status} />
    </StrictMode>,
  );
}

/** If the data cannot be read at all, say so in the browser's language rather than show a blank window. */
async function showBootFailure(error: unknown): Promise<void> {
  if (!i18next.isInitialized) await initI18n(languageForLocale(navigator.language));
  const code = error instanceof BridgeError ? error.value.code : 'internal';
  root.render(<Result status="error" title={i18next.t('storeProblem.unavailableTitle')} subTitle={i18next.t(`errors.${code}`)} />);
}

boot().catch(showBootFailure);
