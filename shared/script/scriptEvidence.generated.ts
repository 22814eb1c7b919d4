export const HANS_ONLY = '';
export const HANT_ONLY = '';
