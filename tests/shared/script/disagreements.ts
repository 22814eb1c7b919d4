import type { Direction } from '../../../shared/script/dictionaries';

/**
 * One place where the bundled OpenCC data, Debian's `opencc` and upstream OpenCC convert the same text
 * differently, found by scripts/compareOpencc.ts in real translation catalogues, with a person's verdict.
 */
export interface Disagreement {
  direction: Direction;
  /** The text converted: a few characters around the difference, or the whole line where needed. */
  source: string;
  bundled: string;
  native: string;
  upstream: string;
  /** How many corpus lines show this same difference. */
  lines: number;
  /** What is right, and what the app writes; null until reviewed. */
  right: string | null;
  /** Both forms are standard in Hong Kong (or on the Mainland): `right` is the one the app keeps. */
  arguable?: true;
  why?: string;
}

export interface DisagreementFile {
  about: string;
  corpus: { source: string; packages: string[]; lines: { hant: number; hans: number } };
  engines: { bundled: string; native: string; upstream: string };
  linesInDisagreement: { hant: number; hans: number };
  /** Per dictionary, what upstream changes from the bundled data: keys added (a count), removed, retargeted. */
  dictionaries: Record<string, { added: number; removed: string[]; changed: string[] }>;
  disagreements: Disagreement[];
}

/** Identifies a place across runs: a verdict holds while all three engines still write what was reviewed. */
export function disagreementKey(d: Pick<Disagreement, 'direction' | 'source' | 'bundled' | 'native' | 'upstream'>): string {
  return [d.direction, d.source, d.bundled, d.native, d.upstream].join('\u0000');
}
