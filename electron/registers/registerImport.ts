import { MAX_IMPORT_COLUMNS } from '../../shared/ipc/inputLimits';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { TFunction } from 'i18next';
import { AppError } from '../../shared/ipc/errors';
import type { RecordOf } from '../../shared/model/dataset';
import { checkSheet, findHeader, guessMapping, mappingToRemember, type RememberedMapping } from '../../shared/registers/importRows';
import type { SheetRow } from '../../shared/sheets/sheetRow';
import type { RegisterImportPreview, RegisterImportResult } from '../../shared/registers/importTypes';
import type { Dialogs } from '../dialogs/dialogs';
import type { Store } from '../store/store';
import type { StoreFs } from '../store/storeFs';
import type { RegisterService, StoredRegister } from './registerService';
import { readSheetFile } from '../sheets/sheetFile';

/** Officials' register sheets: up to 20 MB and 20,000 rows, ten years of a register at least. */
const REGISTER_SHEET_LIMITS = { maxBytes: 20 * 1024 * 1024, maxRows: 20_000 };

/** Previews kept for the user to accept; older ones are dropped. */
const KEPT_PREVIEWS = 3;

interface Pending<F> {
  fileName: string;
  headers: string[];
  body: SheetRow[];
  mapping: Array<string | null>;
  accepted: F[];
}

export interface RegisterImportOptions<K extends StoredRegister, F> {
  service: RegisterService<K, F>;
  store: Store;
  dialogs: Dialogs;
  fs: StoreFs;
  /** Texts in the user's language, for the dialog. */
  t: () => TFunction;
  /** What reading a row needs from elsewhere (other registers, the script converters), read once per preview. */
  context?: () => Promise<unknown> | unknown;
}

/**
 * Import from the sheets officials keep: open a CSV or XLSX, map its columns (the mapping last
 * accepted for this register is remembered by header), preview every row with what is wrong with it,
 * and write nothing until the user accepts. A row whose natural key is already there is skipped.
 */
export class RegisterImport<K extends StoredRegister, F> {
  private readonly pending = new Map<string, Pending<F>>();

  constructor(private readonly options: RegisterImportOptions<K, F>) {}

  private get definition() {
    return this.options.service.definition;
  }

  async importOpen(): Promise<RegisterImportPreview | null> {
    const t = this.options.t();
    const filePath = await this.options.dialogs.openFile({
      title: t('registers.import.dialogTitle'),
      filters: [
        { name: t('registers.import.filterSheets'), extensions: ['xlsx', 'csv'] },
        { name: 'Excel', extensions: ['xlsx'] },
        { name: 'CSV', extensions: ['csv'] },
      ],
    });
    return filePath === null ? null : this.previewFile(filePath);
  }

  /** Reads a sheet into a preview with the remembered mapping; the dialog is its only caller in the app. */
  async previewFile(filePath: string): Promise<RegisterImportPreview> {
    const fileName = path.basename(filePath);
    const remembered = this.remembered();
    const sheet = await readSheetFile(this.options.fs, filePath, REGISTER_SHEET_LIMITS, (rows) => findHeader(rows, this.definition, remembered) !== null);
    const headerAt = findHeader(sheet, this.definition, remembered);
    if (headerAt === null) throw new AppError('registers.noHeader', { fileName });
    const headers = sheet[headerAt]!.cells.map((cell) => cell.trim());
    // What the preview shows must be remappable: one column limit for both.
    if (headers.length > MAX_IMPORT_COLUMNS) throw new AppError('registers.tooManyColumns', { fileName, limit: MAX_IMPORT_COLUMNS });
    const token = randomUUID();
    const pending: Pending<F> = { fileName, headers, body: sheet.slice(headerAt + 1), mapping: guessMapping(headers, this.definition, remembered), accepted: [] };
    this.pending.set(token, pending);
    while (this.pending.size > KEPT_PREVIEWS) this.pending.delete(this.pending.keys().next().value!);
    return this.check(token, pending);
  }

  async importRemap(token: string, mapping: Array<string | null>): Promise<RegisterImportPreview> {
    const pending = this.pending.get(token);
    if (!pending) throw new AppError('registers.importExpired');
    const fields = new Set(this.definition.columns.map((c) => c.field));
    // One column per field, and only the register's fields; anything else is ignored.
    const used = new Set<string>();
    pending.mapping = pending.headers.map((_, i) => {
      const field = mapping[i] ?? null;
      if (!field || !fields.has(field) || used.has(field)) return null;
      used.add(field);
      return field;
    });
    return this.check(token, pending);
  }

  /** Adds the previewed rows that are valid and new, and remembers the mapping for next time. */
  async importCommit(token: string): Promise<RegisterImportResult> {
    const pending = this.pending.get(token);
    if (!pending) throw new AppError('registers.importExpired');
    this.pending.delete(token);
    const result = await this.options.service.createMany(pending.accepted);
    await this.remember(mappingToRemember(pending.headers, pending.mapping));
    return result;
  }

  private async check(token: string, pending: Pending<F>): Promise<RegisterImportPreview> {
    const context = await this.options.context?.();
    const checked = checkSheet<F>(this.definition, pending.body, pending.mapping, context, this.options.service.liveKeys());
    pending.accepted = checked.accepted.map((a) => a.fields);
    const invalid = checked.rows.filter((r) => r.errors.length > 0).length;
    return {
      token,
      fileName: pending.fileName,
      headers: pending.headers,
      mapping: pending.mapping,
      unmappedRequired: checked.unmappedRequired,
      rows: checked.rows,
      importable: pending.accepted.length,
      invalid,
      duplicates: checked.rows.filter((r) => r.duplicate !== null).length,
    };
  }

  private stored(): RecordOf<'registerImportMappings'> | undefined {
    return this.options.store.list('registerImportMappings').find((m) => m.kind === this.definition.kind);
  }

  private remembered(): RememberedMapping {
    return this.stored()?.mapping ?? {};
  }

  /** Keeps headers from earlier sheets too: officials keep more than one layout of the same register. */
  private async remember(mapping: RememberedMapping): Promise<void> {
    const current = this.stored();
    if (!current) {
      await this.options.store.insert('registerImportMappings', { kind: this.definition.kind, mapping });
      return;
    }
    const merged = { ...current.mapping, ...mapping };
    if (Object.keys(mapping).every((key) => current.mapping[key] === mapping[key])) return;
    await this.options.store.update('registerImportMappings', current.id, () => ({ mapping: merged }));
  }
}
