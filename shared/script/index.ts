/**
 * Traditional ⇄ Simplified conversion, shared by main (exports) and renderer (display): OpenCC's Hong Kong
 * configurations (s2hk, hk2s) on opencc-js's dictionaries, loaded lazily; a glossary applied first; the
 * review list of choices to confirm; script detection; cross-script search.
 */
export { toHant, toHans, convertText, loadConverters, getLoadedConverters, type Converters } from './convert';
export type { Direction } from './dictionaries';
export { detectScript, type Script } from './detect';
export { Glossary, GlossaryTerm } from './glossary';
export { seedGlossary } from './seedGlossary';
export { reviewConversion, reviewWith, type ReviewItem } from './review';
export type { Counterpart } from './counterparts';
export { searchKey, matchesQuery, findMatchRanges } from './search';
export { ConversionCache } from './conversionCache';
