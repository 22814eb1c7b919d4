import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { TFunction } from 'i18next';
import { AppError } from '../../shared/ipc/errors';
import {
  duplicateReason,
  type ContactFields,
  type ImportDuplicate,
  type ImportPreview,
  type ImportResult,
} from '../../shared/model/contact';
import type { SubGroup } from '../../shared/model/subGroup';
import type { Dialogs } from '../dialogs/dialogs';
import type { StoreFs } from '../store/storeFs';
import type { ContactService } from './contactService';
import { readSheetFile } from '../sheets/sheetFile';
import { readContactRows } from './contactTable';

export const CONTACT_SHEET_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 5000 };
/** Previews kept for the user to accept; older ones are dropped. */
const KEPT_PREVIEWS = 3;

interface PendingImport {
  contacts: ContactFields[];
}

export interface ContactFilesOptions {
  contacts: ContactService;
  subGroups: () => SubGroup[];
  dialogs: Dialogs;
  fs: StoreFs;
  /** Texts in the user's language, for dialog titles and the headers the importer knows. */
  t: () => TFunction;
}

/** Import from the files officials exchange: CSV and Excel workbooks. Export goes through the export dialog (electron/exports), as every document does. */
export class ContactFiles {
  private readonly pending = new Map<string, PendingImport>();

  constructor(private readonly options: ContactFilesOptions) {}

  /** Asks for a file and reads it without changing anything; null if the user cancelled. */
  async importPreview(): Promise<ImportPreview | null> {
    const t = this.options.t();
    const filePath = await this.options.dialogs.openFile({
      title: t('contacts.import.dialogTitle'),
      filters: [
        { name: t('contacts.import.filterSheets'), extensions: ['csv', 'xlsx'] },
        { name: 'CSV', extensions: ['csv'] },
        { name: 'Excel', extensions: ['xlsx'] },
      ],
    });
    return filePath === null ? null : this.previewFile(filePath);
  }

  /** Reads a file into a preview; exposed for tests, the dialog is its only caller in the app. */
  async previewFile(filePath: string): Promise<ImportPreview> {
    const fileName = path.basename(filePath);
    // Of a CSV's possible encodings, the one whose header row names a known column is right.
    const sheet = await readSheetFile(this.options.fs, filePath, CONTACT_SHEET_LIMITS, (rows) => {
      try {
        readContactRows(rows, []);
        return true;
      } catch {
        return false;
      }
    });

    let read: ReturnType<typeof readContactRows>;
    try {
      read = readContactRows(sheet, this.options.subGroups());
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, { fileName });
      throw error;
    }
    const { rows, ignoredColumns } = read;
    const duplicates: ImportDuplicate[] = [];
    const accepted: Array<{ rowNumber: number; fields: ContactFields }> = [];
    for (const row of rows) {
      if (row.errors.length) continue;
      const { membershipsText: _text, ...fields } = row.contact;
      const candidate = fields as ContactFields;
      const existing = this.options.contacts.findDuplicate(candidate);
      if (existing) {
        const reason = duplicateReason(candidate, existing)!;
        duplicates.push({ rowNumber: row.rowNumber, reason, existingId: existing.id, existingName: existing.name, earlierRow: null });
        continue;
      }
      const earlier = accepted.find((a) => duplicateReason(candidate, a.fields));
      if (earlier) {
        const reason = duplicateReason(candidate, earlier.fields)!;
        duplicates.push({ rowNumber: row.rowNumber, reason, existingId: null, existingName: earlier.fields.name, earlierRow: earlier.rowNumber });
        continue;
      }
      accepted.push({ rowNumber: row.rowNumber, fields: candidate });
    }

    const token = randomUUID();
    this.pending.set(token, { contacts: accepted.map((a) => a.fields) });
    while (this.pending.size > KEPT_PREVIEWS) this.pending.delete(this.pending.keys().next().value!);
    return { token, fileName, rows, duplicates, importable: accepted.length, ignoredColumns };
  }

  /** Adds the preview's valid, new rows; rows that became duplicates since the preview are skipped. */
  async importCommit(token: string): Promise<ImportResult> {
    const pending = this.pending.get(token);
    if (!pending) throw new AppError('contacts.importExpired');
    this.pending.delete(token);
    const fresh = pending.contacts.filter((fields) => !this.options.contacts.findDuplicate(fields));
    await this.options.contacts.createMany(fresh);
    return { created: fresh.length, skipped: pending.contacts.length - fresh.length };
  }

}
