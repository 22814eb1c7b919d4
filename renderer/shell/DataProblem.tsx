import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/ipc/contract';
import { api } from '../api/hetao';

/** Shown instead of the workbench when the data folder belongs to a newer version of the app. */
export function DataProblem({ info, problem }: { info: AppInfo; problem: NonNullable<AppInfo['dataProblem']> }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('storeProblem.newerVersionTitle')}
      subTitle={t('storeProblem.newerVersion', {
        dataFolder: info.dataFolder,
        found: problem.found,
        supported: problem.supported,
      })}
      extra={<Button onClick={() => void api().app.openDataFolder()}>{t('settings.openDataFolder')}</Button>}
    />
  );
}
