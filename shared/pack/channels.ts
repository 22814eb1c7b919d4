/** The channel names of the meeting-pack namespace; no zod here, the preload imports it. */
export const packChannels = ['prepare', 'build', 'preview', 'print', 'copies', 'settleCopy', 'outstandingCopies'] as const;
