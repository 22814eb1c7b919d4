import { Button, Modal, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/ipc/contract';
import type { LockStatus } from '../../shared/lock/contract';
import type { Language } from '../../shared/model/language';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { switchLanguage } from '../i18n/i18n';
import { App, AppFrame } from '../shell/App';
import { LockContext, type LockControls } from './lockContext';
import { LockScreen } from './LockScreen';

/** What counts as using the app: any of these restarts the idle clock. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Before anything else: the lock screen while the data folder is locked, the app once it is open.
 * Locking (idle time, Ctrl+L, the header button, the OS locking its screen) unmounts the workbench,
 * so a locked window holds none of the data, and the backend drops its keys.
 */
export function LockGate({ initial }: { initial: LockStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [status, setLockStatus] = useState(initial);
  const [opened, setOpened] = useState<{ info: AppInfo; language: Language } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Changes the disk refused when locking: the reason, until the user retries, goes back or discards.
  const [unsaved, setUnsaved] = useState<string | null>(null);

  // Locking drops the open app at once: a locked window holds none of the data.
  const setStatus = useCallback((next: LockStatus) => {
    if (next.locked) {
      setOpened(null);
      switchLanguage(next.language);
    }
    setLockStatus(next);
  }, []);

  useEffect(() => {
    if (status.locked) return;
    let live = true;
    void (async () => {
      try {
        const info = await unwrap(api().app.info());
        const language = info.dataProblem ? info.systemLanguage : (await unwrap(api().settings.get())).language;
        switchLanguage(language);
        if (live) setOpened({ info, language });
      } catch (error) {
        if (live) setFailure(errorText(error));
      }
    })();
    return () => {
      live = false;
    };
    // Only locking and unlocking reload the app; other status changes leave it as it is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status.locked]);

  const lock = useCallback(async (discardUnsaved: boolean) => {
    try {
      setStatus(await unwrap(api().lock.lockNow({ discardUnsaved })));
      setUnsaved(null);
    } catch (error) {
      if (error instanceof BridgeError && error.value.code === 'vault.unsavedChanges') {
        setUnsaved(t(`errors.${String(error.value.params?.reason ?? 'disk.writeFailed')}`));
      } else {
        setFailure(errorText(error));
      }
    }
  }, [t, errorText, setStatus]);

  const encryptedAndOpen = status.encrypted && !status.locked;
  const lockNow = useCallback(() => (encryptedAndOpen ? lock(false) : Promise.resolve()), [encryptedAndOpen, lock]);

  // Ctrl+L / ⌘L and the OS locking its screen arrive as the menu's 'lock' command; the key is also
  // caught here for windows without the menu (the preview).
  useEffect(() => api().onMenuCommand((command) => command === 'lock' && void lockNow()), [lockNow]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void lockNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lockNow]);

  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!encryptedAndOpen) return;
    const restart = () => {
      clearTimeout(idleTimer.current);
      idleTimer.current = setTimeout(() => void lockNow(), status.idleMinutes * 60_000);
    };
    restart();
    for (const kind of ACTIVITY) window.addEventListener(kind, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(idleTimer.current);
      for (const kind of ACTIVITY) window.removeEventListener(kind, restart, { capture: true });
    };
  }, [encryptedAndOpen, status.idleMinutes, lockNow]);

  const controls = useMemo<LockControls>(() => ({ status, setStatus, lockNow }), [status, setStatus, lockNow]);

  if (status.locked) {
    return (
      <AppFrame language={status.language}>
        <LockScreen status={status} onStatus={setStatus} />
      </AppFrame>
    );
  }
  if (failure && !opened) {
    return (
      <AppFrame language={status.language}>
        <Result status="error" title={t('storeProblem.unavailableTitle')} subTitle={failure} />
      </AppFrame>
    );
  }
  if (!opened) return <Spin fullscreen description={t('app.loading')} />;
  return (
    <LockContext.Provider value={controls}>
      <App info={opened.info} initialLanguage={opened.language} />
      <AppFrame language={status.language}>
        <Modal
          open={unsaved !== null}
          title={t('encryption.unsaved.title')}
          onCancel={() => setUnsaved(null)}
          footer={[
            <Button key="back" onClick={() => setUnsaved(null)}>
              {t('encryption.unsaved.back')}
            </Button>,
            <Button key="discard" danger onClick={() => void lock(true)}>
              {t('encryption.unsaved.discard')}
            </Button>,
            <Button key="retry" type="primary" onClick={() => void lock(false)}>
              {t('encryption.unsaved.retry')}
            </Button>,
          ]}
        >
          <p>{t('encryption.unsaved.message', { reason: unsaved ?? '' })}</p>
          <p>{t('encryption.unsaved.detail')}</p>
        </Modal>
      </AppFrame>
    </LockContext.Provider>
  );
}
