import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockStatus } from '../../shared/lock/contract';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';

/** When the next attempt is allowed, and when the screen learnt it (the countdown starts there). */
interface Backoff {
  retryAt: number | null;
  seenAt: number;
}

/** Seconds until the back-off allows the next attempt, counting down each second; 0 when it is now. */
function useSecondsUntil({ retryAt, seenAt }: Backoff): number {
  const [ticked, setNow] = useState(seenAt);
  const now = Math.max(ticked, seenAt);
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => {
      const time = Date.now();
      setNow(time);
      if (time >= retryAt) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  return retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
}

/**
 * The locked window: nothing of the data, only the way back in. The passphrase first; the recovery
 * key for a forgotten one. Failed attempts back off, and the wait is shown, counting down.
 */
export function LockScreen({ status, onStatus }: { status: LockStatus; onStatus: (status: LockStatus) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [backoff, setBackoff] = useState<Backoff>(() => ({ retryAt: status.retryAt, seenAt: Date.now() }));
  const wait = useSecondsUntil(backoff);

  if (status.damagedKeyring) {
    return <Result status="error" icon={<LockOutlined />} title={t('encryption.lockScreen.title')} subTitle={t('encryption.lockScreen.damaged')} />;
  }

  const unlock = async (quick = false) => {
    if ((!quick && !secret.trim()) || wait > 0) return;
    setBusy(true);
    setError(null);
    try {
      const opened = await unwrap(
        quick
          ? api().lock.unlockQuick()
          : mode === 'passphrase'
            ? api().lock.unlockWithPassphrase({ passphrase: secret })
            : api().lock.unlockWithRecoveryKey({ recoveryKey: secret }),
      );
      onStatus(opened);
    } catch (failure) {
      setError(errorText(failure));
      setSecret('');
      // The back-off is the backend's: ask it when the next attempt is allowed.
      const now = await unwrap(api().lock.status()).catch(() => null);
      if (now) setBackoff({ retryAt: now.retryAt, seenAt: Date.now() });
    } finally {
      setBusy(false);
    }
  };

  const switchMode = () => {
    setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
    setSecret('');
    setError(null);
  };

  const label = mode === 'passphrase' ? t('encryption.lockScreen.passphrase') : t('encryption.lockScreen.recoveryKey');
  return (
    <main className="lock-screen">
      <Card className="lock-card">
        <Typography.Title level={3}>
          <LockOutlined /> {t('encryption.lockScreen.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {mode === 'passphrase' ? t('encryption.lockScreen.intro') : t('encryption.lockScreen.recoveryHint')}
        </Typography.Paragraph>
        <Form layout="vertical" onFinish={() => void unlock()}>
          <Form.Item label={label} htmlFor="lock-secret">
            {mode === 'passphrase' ? (
              <Input.Password id="lock-secret" autoFocus autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
            ) : (
              <Input
                id="lock-secret"
                autoFocus
                autoComplete="off"
                spellCheck={false}
                className="recovery-key-input"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
            )}
          </Form.Item>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
          {wait > 0 && (
            <Alert type="warning" showIcon role="status" title={t('encryption.lockScreen.wait', { seconds: wait })} style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" block loading={busy} disabled={wait > 0 || !secret.trim()}>
            {busy ? t('encryption.lockScreen.unlocking') : t('encryption.lockScreen.unlock')}
          </Button>
        </Form>
        {status.quickUnlock === 'on' && mode === 'passphrase' && (
          <Button block icon={<UnlockOutlined />} onClick={() => void unlock(true)} disabled={busy || wait > 0} style={{ marginTop: 8 }}>
            {t('encryption.lockScreen.quick')}
          </Button>
        )}
        <Button type="link" onClick={switchMode} style={{ marginTop: 8, paddingInline: 0 }}>
          {mode === 'passphrase' ? t('encryption.lockScreen.useRecoveryKey') : t('encryption.lockScreen.usePassphrase')}
        </Button>
      </Card>
    </main>
  );
}
