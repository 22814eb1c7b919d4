import { App as AntApp } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { upsertById, type RecordBase } from '../../shared/model/record';
import type { RegisterKind } from '../../shared/registers/kinds';
import { unwrap } from '../api/hetao';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { useErrorText } from '../api/useErrorText';
import type { RegisterApi } from './registerApi';
import { afterPaint } from '../ui/afterPaint';
import { useUndoMessage } from '../ui/undoMessage';
import { FIRST_PAGE, takeFirstPage } from './firstPagePrefetch';
import { notifyRegisterChanged, useRegisterChanged } from './registerEvents';

/**
 * A register's records on screen: loaded once, kept in step with each save, and deleted with an
 * Undo in the message (and Restore in the list, with "show deleted").
 */
export function useEditableRecords<R extends RecordBase, F>(kind: RegisterKind, registerApi: () => RegisterApi<R, F>, label: (record: R) => string) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const errorText = useErrorText();
  const [self] = useState(() => ({}));

  const {
    data: records,
    setData: setRecords,
    refetch,
  } = useBridgeQuery<R[]>(async ({ empty, early }) => {
    // While nothing is on screen, the most recently updated records paint at once (prefetched when the
    // section tab showed, or in one small call); the whole register is asked for once they are on
    // screen, so its transfer never holds up the first paint.
    if (empty) {
      early(await (takeFirstPage<R>(kind) ?? unwrap(registerApi().list({ offset: 0, limit: FIRST_PAGE }))));
      await afterPaint();
    }
    return unwrap(registerApi().list());
  }, kind);
  const reload = useCallback(() => void refetch(), [refetch]);
  // Another tab of the window (the same register attached to two sub-groups) changed it.
  useRegisterChanged(kind, reload, self);

  const replace = useCallback((record: R) => {
    queueMicrotask(() => notifyRegisterChanged(kind, self));
    setRecords((current) => upsertById(current, record));
  }, [kind, self, setRecords]);

  const restore = async (record: R, messageKey?: string) => {
    try {
      replace(await unwrap(registerApi().restore({ id: record.id })));
      if (messageKey) message.destroy(messageKey);
      void message.success(t('registers.common.restoredMessage', { label: label(record) }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const remove = async (record: R): Promise<boolean> => {
    try {
      replace(await unwrap(registerApi().delete({ id: record.id })));
    } catch (error) {
      void message.error(errorText(error));
      return false;
    }
    const key = `register-deleted-${record.id}`;
    showUndo({
      key,
      text: t('registers.common.deletedMessage', { label: label(record) }),
      undoLabel: t('registers.common.undo'),
      onUndo: () => void restore(record, key),
    });
    return true;
  };

  return { records, reload, replace, remove, restore };
}
