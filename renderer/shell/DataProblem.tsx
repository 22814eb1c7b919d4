import { Alert, Button, Result, Space } from 'antd';
import { Select } from '../ui/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/ipc/contract';
import { formatDateTime } from '../../shared/i18n/formatDate';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';

type Problem = NonNullable<AppInfo['dataProblem']>;

/** Shown instead of the workbench when the data folder cannot be opened as it is. */
export function DataProblem({ info, problem }: { info: AppInfo; problem: Problem }) {
  const { t } = useTranslation();
  const openFolder = <Button onClick={() => void api().app.openDataFolder()}>{t('settings.openDataFolder')}</Button>;
  if (problem.kind === 'backupsOnly') return <RestoreSavePoint info={info} problem={problem} openFolder={openFolder} />;
  if (problem.kind === 'cannotCreate') {
    return (
      <Result
        status="warning"
        title={t('storeProblem.cannotCreateTitle')}
        subTitle={t('storeProblem.cannotCreate', { folder: problem.folder })}
        extra={openFolder}
      />
    );
  }
  return (
    <Result
      status="warning"
      title={t('storeProblem.newerVersionTitle')}
      subTitle={t('storeProblem.newerVersion', { dataFolder: info.dataFolder, found: problem.found, supported: problem.supported })}
      extra={openFolder}
    />
  );
}

/** The collections folder is gone but save points remain: the user picks one; nothing is seeded over them. */
function RestoreSavePoint({
  info,
  problem,
  openFolder,
}: {
  info: AppInfo;
  problem: Extract<Problem, { kind: 'backupsOnly' }>;
  openFolder: React.ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [chosen, setChosen] = useState(problem.savePoints[0]!.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api().store.restoreSavePoint({ name: chosen }));
      window.location.reload();
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };
  return (
    <Result
      status="warning"
      title={t('storeProblem.backupsOnlyTitle')}
      subTitle={t('storeProblem.backupsOnly', { dataFolder: info.dataFolder, count: problem.savePoints.length })}
      extra={
        <Space orientation="vertical" align="center">
          <Space wrap>
            <Select
              aria-label={t('storeProblem.savePoint')}
              value={chosen}
              onChange={setChosen}
              style={{ minWidth: 260 }}
              options={problem.savePoints.map((point) => ({
                value: point.name,
                label: formatDateTime(point.takenAt, info.systemLanguage),
              }))}
            />
            <Button type="primary" loading={busy} onClick={() => void restore()}>
              {t('storeProblem.restore')}
            </Button>
            {openFolder}
          </Space>
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      }
    />
  );
}
