/** The channel names of the search namespace, for shared/ipc/channels.ts; no zod here, the preload imports it. */
export const searchChannels = ['all'] as const;
