import { PhraseTable, unmatchedLength } from './phraseTable';

/**
 * One OpenCC configuration (s2hk or hk2s): normalise compatibility ideographs, cut the text into segments
 * by longest match against the segmentation dictionary, then pass each segment through every conversion
 * stage in turn. Same algorithm as OpenCC's MaxMatchSegmentation + ConversionChain, so output matches
 * the `opencc` command given the same dictionaries.
 */
export interface PipelineTables {
  normalization: PhraseTable;
  segmentation: PhraseTable;
  stages: readonly PhraseTable[];
}

/** Called for each segment: where it sits in the (normalised) input, and what it became. */
export type SegmentVisitor = (start: number, end: number, output: string, isPhrase: boolean) => void;

// Compatibility ideographs U+F900–U+FAFF and U+2F800–U+2FA1F (high surrogate D87E).
const COMPATIBILITY_IDEOGRAPH = /[\uF900-\uFAFF]|\uD87E[\uDC00-\uDE1F]/;

export class Pipeline {
  /** Output per phrase segment; bounded by the size of the segmentation dictionary. */
  private readonly phraseOutput = new Map<string, string>();

  constructor(private readonly tables: PipelineTables) {}

  /** Replaces compatibility ideographs (豈 U+F900) by their unified forms; code points keep their count. */
  normalize(text: string): string {
    return COMPATIBILITY_IDEOGRAPH.test(text) ? this.tables.normalization.convert(text) : text;
  }

  convert(text: string): string {
    return this.run(this.normalize(text));
  }

  /** Converts `text[start, end)` of already-normalised text, reporting each segment to `visit` if given. */
  run(text: string, start = 0, end = text.length, visit?: SegmentVisitor): string {
    const { segmentation } = this.tables;
    const n = end;
    let out = '';
    let runStart = start;
    for (let i = start; i < n; ) {
      const length = segmentation.match(text, i, n);
      if (length === 0) {
        i += unmatchedLength(text, i, n);
        continue;
      }
      if (runStart < i) out += this.convertRun(text, runStart, i, visit);
      const phrase = segmentation.key;
      let converted = this.phraseOutput.get(phrase);
      if (converted === undefined) {
        converted = this.applyStages(phrase, 0, phrase.length);
        this.phraseOutput.set(phrase, converted);
      }
      visit?.(i, i + length, converted, true);
      out += converted;
      i += length;
      runStart = i;
    }
    if (runStart < n) out += this.convertRun(text, runStart, n, visit);
    return out;
  }

  /** A run of characters that start no phrase: converted character by character within each stage. */
  private convertRun(text: string, start: number, end: number, visit?: SegmentVisitor): string {
    const converted = this.applyStages(text, start, end);
    visit?.(start, end, converted, false);
    return converted;
  }

  private applyStages(text: string, start: number, end: number): string {
    const { stages } = this.tables;
    let current = stages[0]!.convert(text, start, end);
    for (let s = 1; s < stages.length; s++) current = stages[s]!.convert(current);
    return current;
  }
}
