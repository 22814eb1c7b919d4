import { AppError } from '../../shared/ipc/errors';
import { loadConverters, type ConversionRules, type Converters } from '../../shared/script/convert';
import { detectScript } from '../../shared/script/detect';
import { fieldInScript, readerConverters } from '../../shared/script/fieldInScript';
import type { FieldRef, FieldReview, OverrideInput, OverrideResult } from '../../shared/script/fieldReview';
import { correctionFor, directionTo, fieldText, textHash, type ScriptFields, type ScriptOverrides } from '../../shared/script/overrides';
import { reviewWith } from '../../shared/script/review';
import type { Store } from '../store/store';
import { type Script } from '../../shared/script/script';

type TextRecord = ScriptFields & { id: string; deletedAt: string | null };

/**
 * Content in the reader's script on the main side, for exports: the same engine the screen uses,
 * with the stored glossary applied first, quotation marks as the working group chose, and a record's hand
 * corrections winning while they are current.
 */
export class ContentConverter {
  private converters: Converters | undefined;

  constructor(
    private readonly store: Store,
    private readonly rules: () => ConversionRules,
    private readonly now: () => Date,
  ) {}

  private async engine(): Promise<Converters> {
    return (this.converters ??= readerConverters(await loadConverters()));
  }

  /** Any text into `script`: glossary terms and corrections, then OpenCC (Hong Kong configurations), then quotation marks. */
  async convert(text: string, script: Script): Promise<string> {
    return (await this.engine()).convert(text, directionTo(script), this.rules());
  }

  /**
   * A record's field in `script`: its correction if current, else the conversion; `stale` when a
   * correction was made for an earlier text. Exports write `text`.
   */
  async field(record: ScriptFields, field: string, script: Script): Promise<{ text: string; corrected: boolean; stale: boolean }> {
    const source = fieldText(record, field) ?? '';
    const engine = await this.engine();
    const rules = this.rules();
    return fieldInScript((text, direction) => engine.convert(text, direction, rules), source, script, record.scriptOverrides, field);
  }

  /** The review list for each field: every choice conversion made, in context, and any correction. */
  async review(refs: readonly FieldRef[], script: Script): Promise<FieldReview[]> {
    const engine = await this.engine();
    const rules = this.rules();
    const direction = directionTo(script);
    return refs.map((ref) => {
      const record = this.record(ref);
      const source = this.sourceOf(record, ref);
      const alreadyInScript = detectScript(source) === script;
      const converted = engine.convert(source, direction, rules);
      const correction = correctionFor(record.scriptOverrides, ref.field, source, script) ?? null;
      return {
        ref,
        source,
        writtenIn: record.writtenIn,
        text: correction && !correction.stale ? correction.text : converted,
        converted,
        sourceHash: textHash(source),
        correction,
        items: alreadyInScript ? [] : reviewWith(engine.tables[direction], source, rules),
      };
    });
  }

  /**
   * Stores (or with `text: null` removes) a field's correction into one script. Refused with
   * record.changedElsewhere if the source text is no longer the one the user reviewed.
   */
  async setOverride(input: OverrideInput): Promise<OverrideResult> {
    const { ref, script, sourceHash, text } = input;
    const record = this.record(ref);
    if (textHash(this.sourceOf(record, ref)) !== sourceHash) throw new AppError('record.changedElsewhere');
    const overrides: ScriptOverrides = { ...record.scriptOverrides };
    const previous = overrides[ref.field];
    // A correction into the other script survives only if it was made for this same source text.
    const forms: { hant?: string; hans?: string } = previous?.sourceHash === sourceHash ? { hant: previous.hant, hans: previous.hans } : {};
    if (text === null) delete forms[script];
    else forms[script] = text;
    if (forms.hant === undefined) delete forms.hant;
    if (forms.hans === undefined) delete forms.hans;
    if (forms.hant !== undefined || forms.hans !== undefined) overrides[ref.field] = { ...forms, sourceHash, at: this.now().toISOString() };
    else delete overrides[ref.field];
    const updated = await this.store.update(ref.collection, ref.id, () => ({ scriptOverrides: overrides }));
    return { id: updated.id, revision: updated.revision, scriptOverrides: updated.scriptOverrides };
  }

  private record(ref: FieldRef): TextRecord {
    const record = this.store.get(ref.collection, ref.id);
    if (!record) throw new AppError('record.notFound');
    return record;
  }

  private sourceOf(record: TextRecord, ref: FieldRef): string {
    const source = fieldText(record, ref.field);
    if (source === undefined) throw new AppError('script.unknownField', { field: ref.field });
    return source;
  }
}
