/** The channel names of the lock namespace, for shared/ipc/channels.ts; no zod here, the preload imports it. */
export const lockChannels = [
  'status',
  'unlockWithPassphrase',
  'unlockWithRecoveryKey',
  'prepareEncryption',
  'turnOn',
  'changePassphrase',
  'setIdleMinutes',
  'lockNow',
  'unlockQuick',
  'setQuickUnlock',
] as const;
