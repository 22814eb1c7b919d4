import { z } from 'zod';

/**
 * Every failure that crosses the bridge has one of these codes; the renderer shows the message
 * `errors.<code>` from the locale files, in the user's script.
 */
export const ErrorCode = z.enum([
  'ipc.untrustedSender',
  'ipc.unknownChannel',
  'ipc.invalidArguments',
  'store.newerVersion',
  'store.unavailable',
  'store.noSuchSavePoint',
  'store.collectionsPresent',
  'disk.full',
  'disk.readOnly',
  'disk.writeFailed',
  'subGroup.codeTaken',
  'subGroup.codeFixed',
  'subGroup.convenorNotFound',
  'subGroup.convenorWrongSide',
  'contacts.duplicate',
  'contacts.unknownSubGroup',
  'contacts.fileTooLarge',
  'contacts.unreadableFile',
  'contacts.oldExcelFormat',
  'contacts.noNameColumn',
  'contacts.emptyFile',
  'contacts.tooManyRows',
  'contacts.importExpired',
  'record.notFound',
  'record.changedElsewhere',
  'record.unknownReference',
  'action.emptyProgress',
  'annex.numberTaken',
  'annex.emptyDraft',
  'annex.notPdf',
  'meeting.minutesTransition',
  'meeting.confirmingMeeting',
  'meeting.actionSubGroup',
  'meeting.agendaFull',
  'attachment.tooLarge',
  'attachment.unreadable',
  'attachment.missing',
  'attachment.damaged',
  'glossary.duplicate',
  'script.unknownField',
  'registers.duplicate',
  'registers.unitTaken',
  'registers.unknownRecord',
  'registers.noHeader',
  'registers.tooManyColumns',
  'sheets.unpacksTooLarge',
  'registers.importExpired',
  'measure.stageUnchanged',
  'measure.stageDateInFuture',
  'measure.stageDateBeforeLast',
  'measure.stageBackNeedsNote',
  'export.readOnly',
  'export.fileLocked',
  'export.diskFull',
  'export.pathTooLong',
  'export.writeFailed',
  'export.fileExists',
  'export.expired',
  'export.cancelled',
  'export.pdfUnavailable',
  'export.unsupported',
  'pack.cancelled',
  'pack.notBuilt',
  /** A pack made as numbered copies is printed copy by copy. */
  'pack.copyRequired',
  'exchange.notConfigured',
  'exchange.notPackage',
  'exchange.newerFormat',
  'exchange.olderFormat',
  'exchange.truncated',
  'exchange.cancelled',
  'exchange.tampered',
  'exchange.notForUs',
  'exchange.unknownSender',
  'exchange.retiredSender',
  'exchange.tooLarge',
  'exchange.newerSchema',
  'exchange.ownPackage',
  'exchange.notCard',
  'exchange.ownCard',
  'exchange.cardExpired',
  'exchange.keysChanged',
  'exchange.peerRetired',
  'exchange.unknownPeer',
  'exchange.noFolder',
  'exchange.packageGone',
  'exchange.conflictSettled',
  'exchange.invalidValue',
  'vault.locked',
  'vault.wrongPassphrase',
  'vault.recoveryMistyped',
  'vault.wrongRecoveryKey',
  'vault.tooSoon',
  'vault.damagedKeyring',
  'vault.alreadyEncrypted',
  'vault.notEncrypted',
  'vault.recoveryNotConfirmed',
  'vault.unsavedChanges',
  'vault.quickUnlockUnavailable',
  'vault.quickUnlockPlainText',
  'vault.noQuickUnlock',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorValue = z.object({
  code: ErrorCode,
  /** Values the message interpolates, and for invalid arguments the failing fields. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  issues: z.array(z.object({ path: z.string(), messageKey: z.string() })).optional(),
});
export type AppErrorValue = z.infer<typeof AppErrorValue>;

/** Thrown by services for failures the user should hear about; turned into a value at the bridge. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'AppError';
  }

  toValue(): AppErrorValue {
    return this.params ? { code: this.code, params: this.params } : { code: this.code };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorValue };

/** A failure reported by the main process, carried to the UI so it can be shown in the user's script. */
export class BridgeError extends Error {
  constructor(readonly value: AppErrorValue) {
    super(value.code);
    this.name = 'BridgeError';
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}
