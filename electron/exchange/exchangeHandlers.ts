import type { Handlers } from '../backend/dispatcher';
import type { Tasks } from '../tasks/tasks';
import type { ExchangeService } from './exchangeService';

/** The exchange namespace of the bridge, on the exchange service; long work reports progress when the window gave a task id. */
export function exchangeHandlers(exchange: ExchangeService, tasks: Tasks, label: (key: string) => string): Handlers['exchange'] {
  const withProgress = <T>(
    taskId: string | undefined,
    key: string,
    work: (report?: (done: number, total: number) => void, signal?: AbortSignal) => Promise<T>,
  ): Promise<T> => (taskId ? tasks.run(taskId, (report, signal) => work((done, total) => report(done, total, label(key)), signal)) : work());
  return {
    identity: async () => exchange.identity(),
    setUpIdentity: (fields) => exchange.setUpIdentity(fields),
    exportCard: () => exchange.exportCard(),
    readCard: () => exchange.readCard(),
    addPeer: ({ token }) => exchange.addPeer(token),
    peers: async () => exchange.peers(),
    retirePeer: ({ id }) => exchange.retirePeer(id),
    prepare: ({ peerIds, toFolder, taskId }) => withProgress(taskId, 'exchangeDialogs.preparing', (report, signal) => exchange.prepare(peerIds, toFolder, report, signal)),
    open: ({ source, taskId }) => withProgress(taskId, 'exchangeDialogs.opening', (report, signal) => exchange.open(source, report, signal)),
    folder: () => exchange.folder(),
    chooseFolder: () => exchange.chooseFolder(),
    clearFolder: () => exchange.setFolder(null),
    log: async () => exchange.logEntries(),
    conflicts: () => exchange.conflicts(),
    settle: ({ id, choices }) => exchange.settle(id, choices),
    marked: async () => exchange.marked(),
  };
}
