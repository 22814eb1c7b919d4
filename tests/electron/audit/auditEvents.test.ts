import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../../shared/audit/contract';
import type { AuditEntry } from '../../../shared/audit/entry';
import { noAuditFilter } from '../../../shared/audit/filter';
import type { AuditVerification } from '../../../shared/audit/verification';
import type { ExportDone, ExportPlan } from '../../../shared/documents/exportRequest';
import type { Contact, ImportPreview } from '../../../shared/model/contact';
import type { PackBuildResult, PackPlan } from '../../../shared/pack/contract';
import { RecordingPrinter } from '../../../electron/pack/packPrinter';
import { createPackMeeting } from '../../support/packMeeting';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';
import { useTestBackend, type TestSession } from '../../support/testBackend';

const openSession = useTestBackend();
const renderer = new PlaywrightPdfRenderer();
afterAll(() => renderer.close());

const contactFields = { name: '陳大文', title: '首席助理秘書長', organisation: '創新科技及工業局', side: 'HK', email: 'chan@example.hk', phone: '', memberships: [] };

async function entries(session: TestSession): Promise<AuditEntry[]> {
  const page = await session.value<AuditPage>('audit.list', { filter: noAuditFilter, offset: 0, limit: 1000 });
  return page.entries.reverse();
}

/** The entries a step added, oldest first. */
async function during(session: TestSession, step: () => Promise<unknown>): Promise<AuditEntry[]> {
  const before = (await entries(session)).length;
  await step();
  return (await entries(session)).slice(before);
}

const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('every listed event writes its entry', () => {
  it('a record created, edited (its fields and revision), deleted and restored', async () => {
    const session = await openSession();
    const [created] = await during(session, () => session.value<Contact>('contacts.create', contactFields));
    const contact = (await session.value<Contact[]>('contacts.list', { includeDeleted: false }))[0]!;
    expect(created).toMatchObject({ kind: 'record.created', subject: { collection: 'contacts', recordId: contact.id, revision: 1 } });

    const edited = await during(session, () => session.value('contacts.update', { id: contact.id, revision: 1, contact: { ...contactFields, title: '副秘書長', phone: '+852 2345 6789' } }));
    expect(edited).toEqual([expect.objectContaining({ kind: 'record.edited', subject: { collection: 'contacts', recordId: contact.id, revision: 2, fields: ['phone', 'title'] } })]);
    // What was touched, never what it now says.
    expect(JSON.stringify(edited)).not.toContain('副秘書長');

    expect(await during(session, () => session.value('contacts.delete', { id: contact.id }))).toEqual([
      expect.objectContaining({ kind: 'record.deleted', subject: { collection: 'contacts', recordId: contact.id, revision: 3 } }),
    ]);
    expect(await during(session, () => session.value('contacts.restore', { id: contact.id }))).toEqual([
      expect.objectContaining({ kind: 'record.restored', subject: { collection: 'contacts', recordId: contact.id, revision: 4 } }),
    ]);
    expect(await session.value<AuditVerification>('audit.verify')).toMatchObject({ ok: true, entries: 4 });
  });

  it('a settings change', async () => {
    const session = await openSession();
    await session.value('settings.get');
    expect(await during(session, () => session.value('settings.setLanguage', 'en'))).toEqual([
      expect.objectContaining({ kind: 'settings.changed', subject: expect.objectContaining({ collection: 'settings', fields: ['language'] }) }),
    ]);
  });

  it('an import, with how many records it added, besides each record created', async () => {
    const session = await openSession();
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'hetao-audit-import-')), 'people.csv');
    await writeFile(file, 'Name,Title,Organisation,Side,Email,Phone\n陳大文,,創新科技及工業局,HK,,\n李晓明,,深圳市科技创新局,SZ,,\n');
    session.dialogs.answerNextOpen(file);
    const preview = (await session.value<ImportPreview>('contacts.importPreview'))!;
    const added = await during(session, () => session.value('contacts.importCommit', { token: preview.token }));
    expect(added.map((e) => e.kind)).toEqual(['record.created', 'record.created', 'import.committed']);
    expect(added[2]!.subject).toEqual({ collection: 'contacts', count: 2 });
  });

  it('an export: the document, its script and the hash of each file written', async () => {
    const session = await openSession();
    await session.value('contacts.create', contactFields);
    const out = await mkdtemp(path.join(tmpdir(), 'hetao-audit-export-'));
    session.dialogs.answerNextSave(path.join(out, '通訊錄.xlsx'));
    const plan = (await session.value<ExportPlan>('exports.prepare', { target: { kind: 'contacts' }, format: 'xlsx', scripts: 'both' }))!;
    let done!: ExportDone;
    const logged = await during(session, async () => {
      done = await session.value<ExportDone>('exports.write', { token: plan.token, replace: false, taskId: randomUUID() });
    });
    // The settings change is the remembered export folder.
    const exported = logged.filter((e) => e.kind === 'document.exported');
    expect(exported).toHaveLength(done.files.length);
    for (const [i, file] of done.files.entries()) {
      expect(exported[i]!.subject.document).toEqual({ kind: 'contacts', script: 'both', classification: null, copyNumber: null, fileName: file, fileHash: await sha256(path.join(done.folder, file)) });
    }
  });

  it('a meeting pack built and printed, and a document printed, with the meeting’s classification; the printed copy is private and gone at quit', async () => {
    const printer = new RecordingPrinter();
    const session = await openSession({ pdfRenderer: renderer, printer, now: () => new Date('2026-11-24T02:00:00Z') });
    const files = await mkdtemp(path.join(tmpdir(), 'hetao-audit-pack-'));
    const { meeting } = await createPackMeeting(session.value.bind(session) as never, session.dialogs, files, { paperPages: [1] });
    session.dialogs.answerNextSave(path.join(files, '會議文件包.pdf'));
    let built!: PackBuildResult;
    const packEntries = await during(session, async () => {
      const { token } = await session.value<PackPlan>('pack.prepare', { meetingId: meeting.id, scripts: 'hant' });
      built = await session.value<PackBuildResult>('pack.build', { meetingId: meeting.id, token, taskId: randomUUID() });
    });
    const file = built.files[0]!;
    expect(packEntries.filter((e) => e.kind === 'pack.built')).toEqual([
      expect.objectContaining({
        subject: {
          collection: 'meetings',
          recordId: meeting.id,
          document: { kind: 'meetingPack', script: 'hant', classification: meeting.classification, copyNumber: null, fileName: file.fileName, fileHash: await sha256(file.path) },
        },
      }),
    ]);

    expect(await during(session, () => session.value('pack.print', { meetingId: meeting.id, script: 'hant' }))).toEqual([
      expect.objectContaining({ kind: 'pack.printed', subject: expect.objectContaining({ recordId: meeting.id, document: expect.objectContaining({ script: 'hant', classification: meeting.classification }) }) }),
    ]);
    const request = { target: { kind: 'meeting', meetingId: meeting.id }, format: 'pdf', scripts: 'hans' };
    expect(await during(session, () => session.value('exports.print', { request, version: 'hans' }))).toEqual([
      expect.objectContaining({ kind: 'document.printed', subject: { document: { kind: 'meeting', script: 'hans', classification: meeting.classification, copyNumber: null, fileName: null, fileHash: null } } }),
    ]);
    expect(printer.printed).toHaveLength(2);
    // The document printed went to the private scratch folder for the viewer, not the shared temp folder, and is gone at quit.
    const printed = printer.printed[1]!;
    const scratch = path.dirname(path.dirname(printed));
    expect(path.basename(scratch)).toMatch(/^hetao-desk-papers-/);
    if (process.platform !== 'win32') expect((await stat(scratch)).mode & 0o077).toBe(0);
    await session.backend.close();
    await expect(stat(printed)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);
});
