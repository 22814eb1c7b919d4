import type { TFunction } from 'i18next';

import { plainText } from '../../shared/documents/text';
import { detectScript } from '../../shared/script/detect';
import { ScriptCollection, type FieldRef, type FieldReview } from '../../shared/script/fieldReview';
import { fieldText, type ScriptFields } from '../../shared/script/overrides';
import type { ContentConverter } from '../script/contentConverter';
import { Script } from '../../shared/script/script';

/** What exports need of the script feature: the screen's conversion (glossary and corrections) and its review list. */
export type ExportConverter = Pick<ContentConverter, 'field' | 'convert' | 'review'>;

type TextRecord = ScriptFields & { id: string };

/** The choices of a field nobody confirmed: review items and no current correction. */
export function isUnreviewed(review: FieldReview): boolean {
  return review.items.length > 0 && !(review.correction && !review.correction.stale);
}

/** A converted field the review list can show, with what its review depends on. */
interface ConvertedField {
  ref: FieldRef;
  source: string;
  /** The record holds a correction into this script: its review depends on the record, not only the text. */
  corrected: boolean;
}

/**
 * User content in one document's script, through the same engine as the screen. Keeps what the
 * footer must state: which scripts the content was written in, and which fields were converted.
 */
export class ScriptedContent {
  readonly written = new Set<Script>();
  /** Converted fields the review list can show. */
  readonly converted: FieldRef[] = [];
  /** Converted fields of records the review list does not cover (e.g. meetings): never counted as reviewed. */
  unreviewable = 0;

  /** Fields converted once per document: an officer's name recurs on thousands of actions. */
  private readonly done = new Map<string, string>();
  /**
   * Conversions by source text, for fields without a correction: a field's conversion is then a
   * function of its text alone, and documents repeat texts (standard notes, names, places).
   */
  private readonly byText = new Map<string, { detected: Script | 'neutral'; converted?: string }>();
  /** What the review of each converted field depends on, by field key. */
  private readonly reviewInputs = new Map<string, ConvertedField>();
  private convertedReview: { count: number; unreviewed: Promise<FieldRef[]> } | undefined;

  /**
   * `checkOnly`: the fields found unreviewed when the export was prepared. Writing then re-checks
   * just those (the user may have confirmed some meanwhile) instead of reviewing every field again.
   */
  constructor(
    private readonly converter: ExportConverter,
    readonly script: Script,
    private readonly checkOnly?: FieldRef[],
  ) {}

  async field(collection: string, record: TextRecord, field: string): Promise<string> {
    const key = fieldKey(collection, record.id, field);
    const known = this.done.get(key);
    if (known !== undefined) return known;
    const text = await this.convertField(key, collection, record, field);
    this.done.set(key, text);
    return text;
  }

  private async convertField(key: string, collection: string, record: TextRecord, field: string): Promise<string> {
    const source = fieldText(record, field) ?? '';
    if (!source.trim()) return plainText(source);
    let cached = this.byText.get(source);
    if (!cached) this.byText.set(source, (cached = { detected: detectScript(source) }));
    const origin = cached.detected === 'neutral' ? record.writtenIn : cached.detected;
    if (origin) this.written.add(origin);
    if (origin === undefined || origin === this.script) return plainText(source);
    const corrected = record.scriptOverrides?.[field]?.[this.script] !== undefined;
    // Recorded before converting, so the review list follows the document's order whatever finishes first.
    const reviewable = ScriptCollection.safeParse(collection);
    if (reviewable.success) {
      const ref = { collection: reviewable.data, id: record.id, field };
      this.converted.push(ref);
      this.reviewInputs.set(key, { ref, source, corrected });
    } else this.unreviewable++;
    if (corrected) return plainText((await this.converter.field(record, field, this.script)).text);
    return (cached.converted ??= plainText(await this.converter.convert(source, this.script)));
  }

  /** How many converted fields still have choices nobody confirmed. */
  async unreviewedCount(): Promise<number> {
    const fields = this.checkOnly ?? this.converted;
    if (!fields.length) return this.unreviewable;
    return (await (this.checkOnly ? this.unreviewedOf(this.checkOnly) : this.unreviewedConverted())).length + this.unreviewable;
  }

  /** The fields the review list should open with before this version is written. */
  async unreviewedFields(): Promise<FieldRef[]> {
    if (!this.converted.length) return [];
    return this.unreviewedConverted();
  }

  /** Kept until another field is converted: preparing asks twice, for the footer and for the review list. */
  private unreviewedConverted(): Promise<FieldRef[]> {
    if (this.convertedReview?.count !== this.converted.length) this.convertedReview = { count: this.converted.length, unreviewed: this.unreviewedOf(this.converted) };
    return this.convertedReview.unreviewed;
  }

  /**
   * The fields among `refs` with choices nobody confirmed, in their order. A field without a
   * correction is unreviewed exactly when its text's review has items, so each distinct text is
   * reviewed once; corrected fields, and any this document did not convert, are reviewed as they are.
   */
  private async unreviewedOf(refs: readonly FieldRef[]): Promise<FieldRef[]> {
    const asIs: FieldRef[] = [];
    const firstWithText = new Map<string, FieldRef>();
    for (const ref of refs) {
      const input = this.reviewInputs.get(fieldKey(ref.collection, ref.id, ref.field));
      if (!input || input.corrected) asIs.push(ref);
      else if (!firstWithText.has(input.source)) firstWithText.set(input.source, ref);
    }
    const reviews = await this.converter.review([...asIs, ...firstWithText.values()], this.script);
    const unreviewed = new Set(reviews.filter(isUnreviewed).map((r) => fieldKey(r.ref.collection, r.ref.id, r.ref.field)));
    const unreviewedTexts = new Set(reviews.slice(asIs.length).filter(isUnreviewed).map((r) => r.source));
    return refs.filter((ref) => {
      const key = fieldKey(ref.collection, ref.id, ref.field);
      const input = this.reviewInputs.get(key);
      return input && !input.corrected ? unreviewedTexts.has(input.source) : unreviewed.has(key);
    });
  }
}

function fieldKey(collection: string, id: string, field: string): string {
  return `${collection}/${id}/${field}`;
}

/** The footer lines: what script the content was written in, and for a converted version, whether every choice was reviewed. */
export async function scriptStatement(t: TFunction, content: ScriptedContent): Promise<string[]> {
  const name = (script: Script) => t(`exports.doc.scriptName.${script}`);
  const written = (['hant', 'hans'] as const).filter((s) => content.written.has(s));
  const lines: string[] = [];
  if (written.length) lines.push(t('exports.doc.writtenIn', { scripts: written.map(name).join(t('exports.doc.and')) }));
  const others = written.filter((s) => s !== content.script);
  if (others.length) {
    const unreviewed = await content.unreviewedCount();
    lines.push(
      `${t('exports.doc.converted', { from: others.map(name).join(t('exports.doc.and')), to: name(content.script) })}${
        unreviewed ? t('exports.doc.unreviewed', { count: unreviewed }) : t('exports.doc.reviewedAll')
      }`,
    );
  }
  return lines;
}
