import type { ConversionRules, Converters } from './convert';
import type { Direction } from './dictionaries';

/**
 * Remembers each field's conversion so switching the reader's script re-renders a long list without
 * converting again. Keyed by text; cleared when the rules change (a new rules object) and when it
 * grows past `maxEntries`, so memory stays bounded.
 */
export class ConversionCache {
  private readonly entries: Record<Direction, Map<string, string>> = { toHant: new Map(), toHans: new Map() };
  private rules: ConversionRules | undefined;

  constructor(
    private readonly converters: Converters,
    private readonly maxEntries = 100_000,
  ) {}

  convert(text: string, direction: Direction, rules?: ConversionRules): string {
    if (rules !== this.rules) {
      this.clear();
      this.rules = rules;
    }
    const cache = this.entries[direction];
    let converted = cache.get(text);
    if (converted === undefined) {
      converted = this.converters.convert(text, direction, rules);
      if (cache.size >= this.maxEntries) cache.clear();
      cache.set(text, converted);
    }
    return converted;
  }

  clear(): void {
    this.entries.toHant.clear();
    this.entries.toHans.clear();
  }
}
