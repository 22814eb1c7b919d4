import { AppError } from '../../shared/ipc/errors';
import type { Language } from '../../shared/model/language';
import type { Settings } from '../../shared/model/settings';
import type { WorkingGroup } from '../../shared/model/subGroup';
import { setNamesQuoteMarks, type QuoteMarks } from '../../shared/script/quotes';
import type { Store } from '../store/store';

const UNSAVED_SETTINGS_ID = '00000000-0000-4000-8000-000000000000';
const EPOCH = new Date(0).toISOString();

/** The user's preferences, one record in the store so they survive restarts and backups alike. */
export class SettingsService {
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(
    private readonly store: Store,
    private readonly defaultLanguage: Language,
  ) {
    this.quoteMarks(); // names in documents follow the working group's choice from the first export on
  }

  async get(): Promise<Settings> {
    const stored = this.store.list('settings')[0];
    if (stored) return stored;
    // A read-only folder (a locked share, a write-protected stick) that never stored settings opens in the default language, unsaved.
    if (this.store.readOnly) return { id: UNSAVED_SETTINGS_ID, language: this.defaultLanguage, createdAt: EPOCH, updatedAt: EPOCH, deletedAt: null, revision: 1 };
    return this.record();
  }

  /** The stored record, made on first need; on a read-only folder making it fails with disk.readOnly. */
  private async record(): Promise<Settings> {
    return this.store.list('settings')[0] ?? (await this.store.insert('settings', { language: this.defaultLanguage }));
  }

  /** The language to use before (or without) reading the store, e.g. for the first menu. */
  currentLanguage(): Language {
    return this.store.list('settings')[0]?.language ?? this.defaultLanguage;
  }

  async setLanguage(language: Language): Promise<Settings> {
    const current = await this.record();
    const updated = await this.store.update('settings', current.id, () => ({ language }));
    for (const listener of this.listeners) listener(updated);
    return updated;
  }

  /** The folder the last export went to, or null; read without writing, as the save dialog needs it at once. */
  exportFolder(): string | null {
    return this.store.list('settings')[0]?.exportFolder ?? null;
  }

  /** Remembers where the user saved an export, so the next save dialog opens there, after a restart too. */
  async setExportFolder(folder: string): Promise<void> {
    const current = await this.record();
    if (current.exportFolder === folder) return;
    await this.store.update('settings', current.id, () => ({ exportFolder: folder }));
  }

  /**
   * How content's quotation marks are written, the same on every laptop of the working group: kept on
   * the working group's record, which travels with its data, not in this laptop's preferences.
   */
  quoteMarks(): QuoteMarks {
    const quoteMarks = this.store.list('workingGroup')[0]?.quoteMarks ?? 'reader';
    setNamesQuoteMarks(quoteMarks); // also after an exchange brought the working group's record from another laptop
    return quoteMarks;
  }

  async setQuoteMarks(quoteMarks: QuoteMarks): Promise<WorkingGroup> {
    const group = this.store.list('workingGroup')[0];
    if (!group) throw new AppError('store.unavailable');
    if (group.quoteMarks === quoteMarks) return group;
    const updated = await this.store.update('workingGroup', group.id, () => ({ quoteMarks }));
    setNamesQuoteMarks(quoteMarks);
    return updated;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
