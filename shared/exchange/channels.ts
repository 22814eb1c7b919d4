/** The channel names of the exchange namespace, for shared/ipc/channels.ts; no zod here, the preload imports it. */
export const exchangeChannels = [
  'identity',
  'setUpIdentity',
  'exportCard',
  'readCard',
  'addPeer',
  'peers',
  'retirePeer',
  'prepare',
  'open',
  'folder',
  'chooseFolder',
  'clearFolder',
  'log',
  'conflicts',
  'settle',
  'marked',
] as const;
