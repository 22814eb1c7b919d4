import { App as AntApp, Button, Space } from 'antd';
import type { ReactNode } from 'react';

export interface UndoMessage {
  /** The message's key; message.destroy(key) closes it, e.g. from a restore started elsewhere. */
  key: string;
  text: ReactNode;
  undoLabel: ReactNode;
  /** Drawn before the label. */
  icon?: ReactNode;
  /**
   * Runs on Undo. The message stays until closed: call close() at once, or let the restore close it
   * (by key) only once it has worked, so that a failed one can be tried again.
   */
  onUndo: (close: () => void) => void;
}

/**
 * The success message after a delete or archive, with 8 seconds to Undo it by a real button (so it
 * is reachable by keyboard). One helper instead of the same message written out in every view.
 */
export function useUndoMessage(): (undo: UndoMessage) => void {
  const { message } = AntApp.useApp();
  return ({ key, text, undoLabel, icon, onUndo }) =>
    void message.open({
      key,
      type: 'success',
      duration: 8,
      content: (
        <Space>
          {text}
          <Button size="small" type="link" icon={icon} onClick={() => onUndo(() => message.destroy(key))}>
            {undoLabel}
          </Button>
        </Space>
      ),
    });
}
