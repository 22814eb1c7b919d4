import { Alert, App as AntApp, Button, Form, Input, Modal, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockStatus } from '../../shared/lock/contract';
import type { TaskProgress } from '../../shared/tasks/progress';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { NewPassphraseFields } from './passphraseFields';

type Step = { kind: 'passphrase' } | { kind: 'recoveryKey'; recoveryKey: string; groups: number[] } | { kind: 'sealing' };

/**
 * Turning encryption on: a passphrase twice (with a strength hint and the plain warning that losing
 * both it and the recovery key loses the data), then the recovery key shown once and typed back in
 * part, then the folder sealed with progress shown.
 */
export function TurnOnEncryptionDialog({ onClose, onTurnedOn }: { onClose: () => void; onTurnedOn: (status: LockStatus) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ passphrase: string; again: string }>();
  const typed = Form.useWatch('passphrase', form) ?? '';
  const [step, setStep] = useState<Step>({ kind: 'passphrase' });
  const [passphrase, setPassphrase] = useState('');
  const [typedGroups, setTypedGroups] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const taskId = useRef(crypto.randomUUID());
  useEffect(() => api().onTaskProgress((p) => p.taskId === taskId.current && setProgress(p)), []);

  const toRecoveryKey = async (values: { passphrase: string }) => {
    try {
      const prepared = await unwrap(api().lock.prepareEncryption());
      setPassphrase(values.passphrase);
      setTypedGroups(prepared.groups.map(() => ''));
      setError(null);
      setStep({ kind: 'recoveryKey', ...prepared });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const seal = async () => {
    setStep({ kind: 'sealing' });
    try {
      const status = await unwrap(api().lock.turnOn({ passphrase, typedGroups, taskId: taskId.current }));
      void message.success(t('encryption.turnOn.done'), 8);
      onTurnedOn(status);
      onClose();
    } catch (failure) {
      setError(errorText(failure));
      const status = await unwrap(api().lock.status()).catch(() => null);
      // Stopped after the keyring was written: the folder is locked now, and unlocking finishes it.
      if (status?.locked) return onTurnedOn(status);
      if (step.kind === 'recoveryKey') setStep(step);
    }
  };

  const footer =
    step.kind === 'passphrase'
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('encryption.turnOn.cancel')}
          </Button>,
          <Button key="next" type="primary" onClick={() => form.submit()}>
            {t('encryption.turnOn.next')}
          </Button>,
        ]
      : step.kind === 'recoveryKey'
        ? [
            <Button key="back" onClick={() => setStep({ kind: 'passphrase' })}>
              {t('encryption.turnOn.back')}
            </Button>,
            <Button key="confirm" type="primary" disabled={typedGroups.some((g) => !g.trim())} onClick={() => void seal()}>
              {t('encryption.turnOn.confirm')}
            </Button>,
          ]
        : null;

  return (
    <Modal
      open
      title={t('encryption.turnOn.title')}
      onCancel={step.kind === 'sealing' ? undefined : onClose}
      closable={step.kind !== 'sealing'}
      mask={{ closable: false }}
      footer={footer}
      width={640}
    >
      {step.kind === 'passphrase' && (
        <Form form={form} layout="vertical" onFinish={(values) => void toRecoveryKey(values)}>
          <NewPassphraseFields value={typed} autoFocus />
          <Alert type="warning" showIcon title={t('encryption.turnOn.warning')} />
        </Form>
      )}
      {step.kind === 'recoveryKey' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('encryption.turnOn.keyIntro')}</Typography.Paragraph>
          <div className="recovery-key" aria-label={t('encryption.turnOn.keyTitle')} data-testid="recovery-key">
            {step.recoveryKey.split('-').map((group, index) => (
              <span key={index} className="recovery-key-group">
                <small>{index + 1}</small>
                {group}
              </span>
            ))}
          </div>
          <Alert type="warning" showIcon title={t('encryption.turnOn.warning')} />
          <Typography.Paragraph style={{ marginTop: 8 }}>{t('encryption.turnOn.confirmIntro')}</Typography.Paragraph>
          <Space wrap>
            {step.groups.map((group, index) => (
              <label key={group} className="recovery-key-confirm">
                {t('encryption.turnOn.group', { n: group })}
                <Input
                  value={typedGroups[index]}
                  maxLength={8}
                  autoComplete="off"
                  spellCheck={false}
                  autoFocus={index === 0}
                  style={{ width: 110 }}
                  data-testid={`confirm-group-${group}`}
                  onChange={(event) => setTypedGroups((all) => all.map((g, i) => (i === index ? event.target.value : g)))}
                />
              </label>
            ))}
          </Space>
        </Space>
      )}
      {step.kind === 'sealing' && (
        <Space orientation="vertical" style={{ width: '100%' }} role="status">
          <Typography.Text>{t('encryption.turnOn.sealing')}</Typography.Text>
          <Progress percent={progress ? Math.round((progress.done / progress.total) * 100) : 0} />
        </Space>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
