import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, unwrap } from './api/hetao';
import { initI18n } from './i18n/i18n';
import { App } from './shell/App';
import './styles.css';

/** Reads what the first paint needs (data folder state, chosen language), then renders. */
async function boot(): Promise<void> {
  const info = await unwrap(api().app.info());
  const language = info.dataProblem ? info.systemLanguage : (await unwrap(api().settings.get())).language;
  await initI18n(language);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App info={info} initialLanguage={language} />
    </StrictMode>,
  );
}

void boot();
