import { searchKey } from '../../shared/script/search';

/**
 * Each record's text folded for cross-script search (數據 and 数据 fold alike), kept per revision so
 * a search over 20,000 actions folds only the records changed since the last one.
 */
export class FoldedTextCache {
  private readonly entries = new Map<string, { revision: number; key: string }>();

  /** The folded form of `text()` for this revision of the record. */
  key(record: { id: string; revision: number }, text: () => string): string {
    const entry = this.entries.get(record.id);
    if (entry?.revision === record.revision) return entry.key;
    const key = searchKey(text());
    this.entries.set(record.id, { revision: record.revision, key });
    return key;
  }
}
