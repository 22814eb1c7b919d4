import { z } from 'zod';

/**
 * Every kind of event the audit trail records. The ones issue 18 leaves to later issues (unlocking,
 * exchange packages, conflicts) are listed already, so their entry point is typed when they land.
 */
export const AuditEventKind = z.enum([
  'record.created',
  'record.edited',
  'record.deleted',
  'record.restored',
  'document.exported',
  'document.printed',
  'pack.built',
  'pack.printed',
  'import.committed',
  'settings.changed',
  'app.unlocked',
  'app.unlockFailed',
  'exchange.packagePrepared',
  'exchange.packageOpened',
  'conflict.settled',
  /** A peer's checkpoint did not extend what it showed before: its log was rewritten or rolled back. */
  'audit.peerCheckpointRefused',
  /** The log's signing passed from the stand-in key to the exchange identity (once, on upgrade). */
  'audit.identityHandover',
]);
export type AuditEventKind = z.infer<typeof AuditEventKind>;

/** A document that left the app: never its contents, only what identifies the copy. */
export const AuditDocument = z.object({
  /** The document's kind, e.g. actions, contacts, meeting, meetingPack, implementationReport. */
  kind: z.string(),
  script: z.string().nullable(),
  classification: z.string().nullable(),
  copyNumber: z.number().int().nullable(),
  fileName: z.string().nullable(),
  /** SHA-256 of the file as written, hex. */
  fileHash: z.string().nullable(),
});
export type AuditDocument = z.infer<typeof AuditDocument>;

/** What an event touched: record ids, revisions and field names, never the values of restricted records. */
export const AuditSubject = z.object({
  collection: z.string().optional(),
  recordId: z.string().optional(),
  revision: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  document: AuditDocument.optional(),
  /** Records an import added, or items a multi-record event covered. */
  count: z.number().int().optional(),
  /** The setting changed, or the peer / package an exchange event concerns. */
  detail: z.string().optional(),
});
export type AuditSubject = z.infer<typeof AuditSubject>;

/** One line of the log as stored: the hash of the entry before (hex) comes first, then its position. */
export const AuditEntry = z.object({
  prev: z.string(),
  seq: z.number().int().nonnegative(),
  /** Local time with its offset, e.g. 2026-12-02T10:15:00.000+08:00. */
  at: z.string(),
  installation: z.string(),
  /** The officer's contact id, when the installation knows who its officer is. */
  officer: z.string().nullable(),
  kind: AuditEventKind,
  subject: AuditSubject,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What a caller records; the trail adds the chain, position, time, installation and officer. */
export interface AuditEvent {
  kind: AuditEventKind;
  subject: AuditSubject;
}

/** `2026-12-02T10:15:00.000+08:00`: the time as the officer's clock read it, with the offset it read it in. */
export function timeWithOffset(at: Date, offsetMinutes = -at.getTimezoneOffset()): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
