import type { AuditEntry } from './entry';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** What an entry touched, in words: the view's column and the exported log say it the same way. */
export function subjectText(entry: AuditEntry, t: Translate): string {
  const { subject } = entry;
  const parts: string[] = [];
  if (subject.collection) {
    const collection = t(`audit.collections.${subject.collection}`, { defaultValue: subject.collection });
    parts.push(t('audit.subject.record', { collection, revision: subject.revision ?? '—' }));
  }
  if (subject.fields?.length) parts.push(t('audit.subject.fields', { fields: subject.fields.join('、') }));
  if (subject.document) {
    const doc = subject.document;
    parts.push(t('audit.subject.document', { name: doc.fileName ?? doc.kind, script: doc.script ?? '—', classification: doc.classification ?? '—' }));
    if (doc.fileHash) parts.push(`SHA-256 ${doc.fileHash.slice(0, 16)}…`);
  }
  if (subject.count !== undefined) parts.push(t('audit.subject.count', { count: subject.count }));
  if (subject.detail) parts.push(subject.detail);
  return parts.join(' · ');
}

/** The time as the view and the exported log show it: 2026-12-02 10:15:00+08:00. */
export const entryTime = (entry: AuditEntry) => entry.at.replace('T', ' ').replace(/\.\d{3}/, '');
