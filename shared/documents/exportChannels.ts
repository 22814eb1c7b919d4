/** The channel names of the exports namespace; no zod here, the preload imports it. */
export const exportChannels = ['prepare', 'write', 'openFolder', 'preview', 'print'] as const;
