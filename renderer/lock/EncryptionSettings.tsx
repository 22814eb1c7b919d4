import { LockOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Space, Switch, Typography } from 'antd';
import { Select } from '../ui/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_MINUTE_CHOICES } from '../../shared/lock/contract';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { useLock } from './lockContext';
import { TurnOnEncryptionDialog } from './TurnOnEncryptionDialog';

/** Settings → encryption and lock: turn it on, change the passphrase, the idle time, lock now. */
export function EncryptionSettings() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const lock = useLock();
  const [dialog, setDialog] = useState<'turnOn' | 'change' | null>(null);
  if (!lock) return null;
  const { status } = lock;

  const setIdle = async (minutes: number) => {
    try {
      lock.setStatus(await unwrap(api().lock.setIdleMinutes({ minutes })));
      void message.success(t('encryption.settings.idleSaved'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const setQuick = async (on: boolean) => {
    try {
      lock.setStatus(await unwrap(api().lock.setQuickUnlock({ on })));
      void message.success(t(on ? 'encryption.settings.quickOn' : 'encryption.settings.quickOff'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Space orientation="vertical">
      <Typography.Text type={status.encrypted ? undefined : 'secondary'} data-testid="encryption-state">
        {status.encrypted ? t('encryption.settings.on') : t('encryption.settings.off')}
      </Typography.Text>
      {status.encrypted ? (
        <Space wrap>
          <Button onClick={() => setDialog('change')}>{t('encryption.settings.changePassphrase')}</Button>
          <Button icon={<LockOutlined />} onClick={() => void lock.lockNow()}>
            {t('encryption.settings.lockNow')}
          </Button>
          <Space>
            <label htmlFor="idle-minutes">{t('encryption.settings.idle')}</label>
            <Select
              id="idle-minutes"
              value={status.idleMinutes}
              onChange={(minutes) => void setIdle(minutes)}
              style={{ width: 120 }}
              options={[...new Set([...IDLE_MINUTE_CHOICES, status.idleMinutes])]
                .sort((a, b) => a - b)
                .map((count) => ({ value: count, label: t('encryption.settings.minutes', { count }) }))}
            />
          </Space>
          <Space orientation="vertical" size={0}>
            <Space>
              <Switch
                id="quick-unlock"
                checked={status.quickUnlock === 'on'}
                disabled={status.quickUnlock === 'unavailable' || status.quickUnlock === 'plainText'}
                onChange={(on) => void setQuick(on)}
              />
              <label htmlFor="quick-unlock">{t('encryption.settings.quick')}</label>
            </Space>
            <Typography.Text type="secondary" data-testid="quick-unlock-hint">
              {t(`encryption.settings.quickHint.${status.quickUnlock}`)}
            </Typography.Text>
          </Space>
        </Space>
      ) : (
        <Button type="primary" icon={<LockOutlined />} onClick={() => setDialog('turnOn')}>
          {t('encryption.settings.turnOn')}
        </Button>
      )}
      {dialog === 'turnOn' && <TurnOnEncryptionDialog onClose={() => setDialog(null)} onTurnedOn={lock.setStatus} />}
      {dialog === 'change' && <ChangePassphraseDialog onClose={() => setDialog(null)} />}
    </Space>
  );
}
