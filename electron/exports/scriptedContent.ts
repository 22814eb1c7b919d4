import type { TFunction } from 'i18next';
import type { DocScript } from '../../shared/documents/model';
import { plainText } from '../../shared/documents/text';
import { detectScript, type Script } from '../../shared/script/detect';
import { ScriptCollection, type FieldRef, type FieldReview } from '../../shared/script/fieldReview';
import { fieldText, type ScriptFields } from '../../shared/script/overrides';
import type { ContentConverter } from '../script/contentConverter';

/** What exports need of the script feature: the screen's conversion (glossary and corrections) and its review list. */
export type ExportConverter = Pick<ContentConverter, 'field' | 'convert' | 'review'>;

type TextRecord = ScriptFields & { id: string };

/** The choices of a field nobody confirmed: review items and no current correction. */
export function isUnreviewed(review: FieldReview): boolean {
  return review.items.length > 0 && !(review.correction && !review.correction.stale);
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
   * `checkOnly`: the fields found unreviewed when the export was prepared. Writing then re-checks
   * just those (the user may have confirmed some meanwhile) instead of reviewing every field again.
   */
  constructor(
    private readonly converter: ExportConverter,
    readonly script: DocScript,
    private readonly checkOnly?: FieldRef[],
  ) {}

  async field(collection: string, record: TextRecord, field: string): Promise<string> {
    const key = `${collection}/${record.id}/${field}`;
    const known = this.done.get(key);
    if (known !== undefined) return known;
    const text = await this.convertField(collection, record, field);
    this.done.set(key, text);
    return text;
  }

  private async convertField(collection: string, record: TextRecord, field: string): Promise<string> {
    const source = fieldText(record, field) ?? '';
    if (!source.trim()) return plainText(source);
    const detected = detectScript(source);
    const origin = detected === 'neutral' ? record.writtenIn : detected;
    if (origin) this.written.add(origin);
    if (origin === undefined || origin === this.script) return plainText(source);
    const { text } = await this.converter.field(record, field, this.script);
    const reviewable = ScriptCollection.safeParse(collection);
    if (reviewable.success) this.converted.push({ collection: reviewable.data, id: record.id, field });
    else this.unreviewable++;
    return plainText(text);
  }

  /** How many converted fields still have choices nobody confirmed. */
  async unreviewedCount(): Promise<number> {
    const fields = this.checkOnly ?? this.converted;
    if (!fields.length) return this.unreviewable;
    const reviews = await this.converter.review(fields, this.script);
    return reviews.filter(isUnreviewed).length + this.unreviewable;
  }

  /** The fields the review list should open with before this version is written. */
  async unreviewedFields(): Promise<FieldRef[]> {
    if (!this.converted.length) return [];
    const reviews = await this.converter.review(this.converted, this.script);
    return reviews.filter(isUnreviewed).map((r) => r.ref);
  }
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
