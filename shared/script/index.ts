/**
 * Traditional ⇄ Simplified conversion, shared by main (exports) and renderer (display): OpenCC's Hong Kong
 * configurations (s2hk, hk2s) on opencc-js's dictionaries, loaded lazily; a glossary and the corrections
 * applied first; quotation marks in the reader's script; the review list of choices to confirm; script detection; cross-script search.
 */
export { toHant, toHans, convertText, loadConverters, getLoadedConverters, type Converters, type ConversionRules } from './convert';
export type { Direction } from './dictionaries';
export { detectScript } from './detect';
export { Script, scripts } from './script';
export { Glossary, GlossaryTerm } from './glossary';
export { seedGlossary } from './seedGlossary';
export { reviewConversion, reviewWith, type ReviewItem } from './review';
export type { Counterpart } from './counterparts';
export { searchKey, matchesQuery, findMatchRanges } from './search';
export { ConversionCache } from './conversionCache';
export { planQuotes, type QuoteMarks } from './quotes';
export { corrections, type Correction } from './corrections';
