/** The channel names of a register namespace, for shared/ipc/channels.ts; no zod here, the preload imports it. */
export const registerChannels = ['list', 'get', 'create', 'update', 'delete', 'restore', 'importOpen', 'importRemap', 'importCommit'] as const;
