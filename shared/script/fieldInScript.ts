import type { ConversionRules, Converters } from './convert';
import { detectScript } from './detect';
import type { Direction } from './dictionaries';
import { correctionFor, directionTo, targetScript, type ScriptOverrides } from './overrides';
import { type Script } from './script';

/**
 * Converters that leave text already written in the target script as it is: s2hk applied to
 * Traditional text would still turn a 太后 into 太後, so only text detected as the other script (or
 * neither) is converted. Main (exports) and renderer (display) both convert through this.
 */
export function readerConverters(converters: Converters): Converters {
  const convert = (text: string, direction: Direction, rules?: ConversionRules) =>
    detectScript(text) === targetScript(direction) ? text : converters.convert(text, direction, rules);
  return {
    convert,
    toHant: (text, rules) => convert(text, 'toHant', rules),
    toHans: (text, rules) => convert(text, 'toHans', rules),
    tables: converters.tables,
  };
}

/** A field as a reader of one script sees it. */
export interface FieldInScript {
  text: string;
  /** A hand correction is shown instead of the conversion. */
  corrected: boolean;
  /** A correction exists but was made for an earlier source text: the conversion is shown, and flagged. */
  stale: boolean;
}

/** The correction if it is current, else the conversion. */
export function fieldInScript(
  convert: (text: string, direction: Direction) => string,
  source: string,
  script: Script,
  overrides?: ScriptOverrides,
  field?: string,
): FieldInScript {
  const correction = field === undefined ? undefined : correctionFor(overrides, field, source, script);
  if (correction && !correction.stale) return { text: correction.text, corrected: true, stale: false };
  return { text: convert(source, directionTo(script)), corrected: false, stale: correction !== undefined };
}
