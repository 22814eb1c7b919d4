import type { Converters } from './convert';
import type { Direction } from './dictionaries';
import type { Glossary } from './glossary';

/**
 * Remembers each field's conversion so switching the reader's script re-renders a long list without
 * converting again. Keyed by text; cleared when the glossary changes (a new glossary array) and when it
 * grows past `maxEntries`, so memory stays bounded.
 */
export class ConversionCache {
  private readonly entries: Record<Direction, Map<string, string>> = { toHant: new Map(), toHans: new Map() };
  private glossary: Glossary | undefined;

  constructor(
    private readonly converters: Converters,
    private readonly maxEntries = 100_000,
  ) {}

  convert(text: string, direction: Direction, glossary?: Glossary): string {
    if (glossary !== this.glossary) {
      this.clear();
      this.glossary = glossary;
    }
    const cache = this.entries[direction];
    let converted = cache.get(text);
    if (converted === undefined) {
      converted = this.converters.convert(text, direction, glossary);
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
