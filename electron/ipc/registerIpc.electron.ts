import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelList } from '../../shared/ipc/channels';
import type { Dispatch, Sender } from '../backend/dispatcher';

function senderOf(event: IpcMainInvokeEvent): Sender | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null;
}

/** One handler per contract channel; the dispatcher checks the sender and the arguments. */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of channelList()) {
    ipcMain.handle(channel, (event, input: unknown) => dispatch(channel, input, senderOf(event)));
  }
}
