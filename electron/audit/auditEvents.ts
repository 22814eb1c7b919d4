/**
 * Where the app's events reach the audit trail, in one place: every write to the store becomes a
 * record event (or settings.changed), and the handlers that send documents out of the app, print
 * them or import sheets are wrapped to say which file, script and classification. Services stay
 * unaware of the trail.
 */
import { hash } from 'node:crypto';
import * as path from 'node:path';
import type { AuditDocument, AuditEvent } from '../../shared/audit/entry';
import type { ExportRequest } from '../../shared/documents/exportRequest';
import type { CollectionName } from '../../shared/model/dataset';
import type { Handlers } from '../backend/dispatcher';
import type { Store } from '../store/store';
import type { StoreFs } from '../store/storeFs';
import type { AuditTrail } from './auditTrail';

/** Record keeping that is no one's action on a record: never logged as an edit. */
const UNTRACKED = new Set(['id', 'createdAt', 'updatedAt', 'revision', 'deletedAt']);

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !UNTRACKED.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

interface StoredRecord {
  id: string;
  revision: number;
  deletedAt: string | null;
}

/** The event a store write amounts to, or null when nothing an officer changed (a save of the same values). */
export function recordEvent(collection: string, before: StoredRecord | undefined, after: StoredRecord): AuditEvent | null {
  const subject = { collection, recordId: after.id, revision: after.revision };
  if (!before) return { kind: collection === 'settings' ? 'settings.changed' : 'record.created', subject };
  if (before.deletedAt === null && after.deletedAt !== null) return { kind: 'record.deleted', subject };
  if (before.deletedAt !== null && after.deletedAt === null) return { kind: 'record.restored', subject };
  const fields = changedFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);
  if (fields.length === 0) return null;
  return { kind: collection === 'settings' ? 'settings.changed' : 'record.edited', subject: { ...subject, fields } };
}

/**
 * Observes the store's two writes (soft delete and restore are updates): the composition root calls
 * this once, so every service's writes are logged without any of them knowing. Arguments pass through
 * untouched, whatever else the write path grows.
 */
export function auditStoreWrites(store: Store, trail: AuditTrail): void {
  const insert = store.insert.bind(store);
  const update = store.update.bind(store);
  const note = (collection: string, before: StoredRecord | undefined, after: StoredRecord) => {
    const event = recordEvent(collection, before, after);
    // Failures are counted by the trail (writeFailures) and shown in the audit view; the write itself stands.
    if (event) trail.record(event).catch(() => undefined);
  };
  store.insert = (async (...args: Parameters<Store['insert']>) => {
    const record = await insert(...args);
    note(args[0], undefined, record);
    return record;
  }) as Store['insert'];
  store.update = (async (...args: Parameters<Store['update']>) => {
    const before = store.get(args[0], args[1]) as StoredRecord | undefined;
    const record = await update(...args);
    note(args[0], before && { ...before }, record);
    return record;
  }) as Store['update'];
}

export interface DocumentEventOptions {
  trail: AuditTrail;
  store: Store;
  fs: StoreFs;
}

/**
 * The handlers with document, print and import events added, and every call held until the entries
 * it caused are on the disk, so the officer never sees a success the log does not have.
 */
export function withAuditEvents(handlers: Handlers, { trail, store, fs }: DocumentEventOptions): Handlers {
  const prepared = new Map<string, ExportRequest>();
  const fileHash = async (file: string) => hash('sha256', await fs.readFile(file), 'hex');
  const classificationOf = (collection: CollectionName, id: string): string | null => {
    const record = store.get(collection, id) as { classification?: string | null } | undefined;
    return record?.classification ?? null;
  };
  const requestClassification = (request: ExportRequest) => (request.target.kind === 'meeting' ? classificationOf('meetings', request.target.meetingId) : null);
  const document = async (kind: string, file: string, script: string | null, classification: string | null, copyNumber: number | null = null): Promise<AuditDocument> => ({
    kind,
    script,
    classification,
    copyNumber,
    fileName: path.basename(file),
    fileHash: await fileHash(file),
  });
  const record = (event: AuditEvent) => trail.record(event).catch(() => undefined);
  const imported = (collection: string) => async (result: { created: number }) => {
    await record({ kind: 'import.committed', subject: { collection, count: result.created } });
  };

  const h: Handlers = {
    ...handlers,
    exports: {
      ...handlers.exports,
      prepare: async (request) => {
        const plan = await handlers.exports.prepare(request);
        if (plan) prepared.set(plan.token, request);
        return plan;
      },
      write: async (input) => {
        const done = await handlers.exports.write(input);
        const request = prepared.get(input.token);
        for (const file of done.files) {
          const full = path.join(done.folder, file);
          const doc = await document(request?.target.kind ?? 'export', full, request?.scripts ?? null, request ? requestClassification(request) : null);
          await record({ kind: 'document.exported', subject: { document: doc } });
        }
        return done;
      },
      print: async (input) => {
        await handlers.exports.print(input);
        const doc: AuditDocument = { kind: input.request.target.kind, script: input.version, classification: requestClassification(input.request), copyNumber: null, fileName: null, fileHash: null };
        await record({ kind: 'document.printed', subject: { document: doc } });
      },
    },
    pack: {
      ...handlers.pack,
      build: async (input) => {
        const built = await handlers.pack.build(input);
        for (const file of built?.files ?? []) {
          const doc = await document('meetingPack', file.path, file.script, classificationOf('meetings', input.meetingId), file.copy?.number ?? null);
          await record({ kind: 'pack.built', subject: { collection: 'meetings', recordId: input.meetingId, document: doc } });
        }
        return built;
      },
      print: async (input) => {
        await handlers.pack.print(input);
        const copy = input.copyId === null ? undefined : store.get('meetingCopies', input.copyId);
        const file = copy?.files.find((f) => f.script === input.script);
        const doc: AuditDocument = {
          kind: 'meetingPack',
          script: input.script,
          classification: classificationOf('meetings', input.meetingId),
          copyNumber: copy?.number ?? null,
          fileName: file?.fileName ?? null,
          fileHash: file?.sha256 ?? null,
        };
        await record({ kind: 'pack.printed', subject: { collection: 'meetings', recordId: input.meetingId, document: doc } });
      },
    },
    contacts: {
      ...handlers.contacts,
      importCommit: async (input) => {
        const result = await handlers.contacts.importCommit(input);
        await imported('contacts')(result);
        return result;
      },
    },
    meetings: {
      ...handlers.meetings,
      savePaperCopy: async (input) => {
        const saved = await handlers.meetings.savePaperCopy(input);
        if (saved) await record({ kind: 'document.exported', subject: { collection: 'meetings', recordId: input.id, document: await document('paper', saved, null, classificationOf('meetings', input.id)) } });
        return saved;
      },
    },
    exchange: {
      ...handlers.exchange,
      // Packages are named by their id (it is in the signed manifest), not hashed: one can be a gigabyte.
      prepare: async (input) => {
        const prepared = await handlers.exchange.prepare(input);
        if (prepared) {
          const count = Object.values(prepared.counts).reduce((n, c) => n + (c ?? 0), 0);
          const document: AuditDocument = { kind: 'exchangePackage', script: null, classification: null, copyNumber: null, fileName: prepared.fileName, fileHash: null };
          await record({ kind: 'exchange.packagePrepared', subject: { detail: `${prepared.packageId} → ${input.peerIds.join(', ')}`, count, document } });
        }
        return prepared;
      },
      open: async (input) => {
        const opened = await handlers.exchange.open(input);
        if (opened) {
          const document: AuditDocument = { kind: 'exchangePackage', script: null, classification: null, copyNumber: null, fileName: opened.fileName, fileHash: null };
          await record({ kind: 'exchange.packageOpened', subject: { detail: `${opened.packageId} ← ${opened.from.id}`, count: opened.changedRecords, document } });
        }
        return opened;
      },
      settle: async (input) => {
        const left = await handlers.exchange.settle(input);
        await record({ kind: 'conflict.settled', subject: { recordId: input.id, fields: input.choices.map((c) => c.path) } });
        return left;
      },
    },
    arrangement: {
      ...handlers.arrangement,
      saveCopy: async (input) => {
        const saved = await handlers.arrangement.saveCopy(input);
        if (saved) await record({ kind: 'document.exported', subject: { collection: 'annexes', recordId: input.id, document: await document('annex', saved, null, null) } });
        return saved;
      },
    },
  };
  for (const register of ['spaceUnits', 'tenants', 'policyMeasures', 'fundedProjects', 'promotionEvents'] as const) {
    const methods = handlers[register] as Handlers['tenants'];
    (h as Record<string, unknown>)[register] = {
      ...methods,
      importCommit: async (input: { token: string }) => {
        const result = await methods.importCommit(input);
        await imported(register)(result);
        return result;
      },
    };
  }
  return settleEveryCall(h, trail);
}

/** Every handler resolves only once the entries its call caused (through the store) are written. */
function settleEveryCall(handlers: Handlers, trail: AuditTrail): Handlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([ns, methods]) => [
      ns,
      Object.fromEntries(
        Object.entries(methods as Record<string, (input: unknown) => Promise<unknown>>).map(([name, handler]) => [
          name,
          async (input: unknown) => {
            try {
              return await handler(input);
            } finally {
              await trail.settled();
            }
          },
        ]),
      ),
    ]),
  ) as unknown as Handlers;
}
