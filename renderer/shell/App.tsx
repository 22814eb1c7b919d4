import { App as AntApp, ConfigProvider } from 'antd';
import { useState } from 'react';
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
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', 'Microsoft JhengHei', 'Microsoft YaHei', 'PingFang HK', 'PingFang SC', 'Noto Sans CJK HK', 'Noto Sans CJK SC', sans-serif",
  },
};

export function App({ info, initialLanguage }: { info: AppInfo; initialLanguage: Language }) {
  const [language, setLanguage] = useState(initialLanguage);
  return (
    <ConfigProvider locale={antdLocale(language)} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        {info.dataProblem ? (
          <DataProblem info={info} problem={info.dataProblem} />
        ) : (
          <ReaderScriptProvider language={language}>
            <Workbench info={info} language={language} onLanguageChanged={setLanguage} />
          </ReaderScriptProvider>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
