/** The channel names of the audit namespace, for shared/ipc/channels.ts; no zod here, the preload imports it. */
export const auditChannels = ['list', 'verify'] as const;
