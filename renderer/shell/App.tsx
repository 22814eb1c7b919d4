import { App as AntApp, ConfigProvider } from 'antd';
import { useState, type ReactNode } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import type { Language } from '../../shared/model/language';
import { antdLocale } from '../i18n/i18n';
import { ReaderScriptProvider } from '../script/readerScript';
import { DataProblem } from './DataProblem';
import { Workbench } from './Workbench';

const theme = {
  zeroRuntime: true,
  token: {
    colorPrimary: '#1d4f91',
    borderRadius: 6,
    // antd's greys for secondary text (45%) and placeholders (25%) fall short of WCAG AA's 4.5:1 on
    // white and on the grey of cards and table headers; these keep 4.5:1 on both.
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // Links in the app's own blue (8.6:1 on white) rather than antd's lighter one (4.1:1); status
    // colours dark enough to be read as text (danger buttons, tags, messages) at 4.5:1 or more.
    colorLink: '#1d4f91',
    colorInfo: '#0958d9',
    colorSuccess: '#237804',
    colorWarning: '#874d00',
    colorError: '#cf1322',
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', 'Microsoft JhengHei', 'Microsoft YaHei', 'PingFang HK', 'PingFang SC', 'Noto Sans CJK HK', 'Noto Sans CJK SC', sans-serif",
  },
};

/** The app's theme and antd's strings in the given language, around the workbench or the lock screen. */
export function AppFrame({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <ConfigProvider locale={antdLocale(language)} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App({ info, initialLanguage }: { info: AppInfo; initialLanguage: Language }) {
  const [language, setLanguage] = useState(initialLanguage);
  return (
    <AppFrame language={language}>
      {info.dataProblem ? (
        <DataProblem info={info} problem={info.dataProblem} />
      ) : (
        <ReaderScriptProvider language={language}>
          <Workbench info={info} language={language} onLanguageChanged={setLanguage} />
        </ReaderScriptProvider>
      )}
    </AppFrame>
  );
}
