import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from '../../../electron/sheets/csv';
import type { QueuedDialogs } from '../../../electron/dialogs/dialogs';
import type { Result } from '../../../shared/ipc/errors';
import type { ExportDone, ExportPlan } from '../../../shared/documents/exportRequest';
import type { Contact, ImportPreview, ImportResult } from '../../../shared/model/contact';
import type { SubGroup } from '../../../shared/model/subGroup';
import { useTestBackend } from '../../support/testBackend';

const openSession = useTestBackend();

async function open(systemLocale = 'zh-HK') {
  const session = await openSession({ systemLocale });
  const { value } = session;
  const files = await mkdtemp(path.join(tmpdir(), 'hetao-contacts-'));
  const subGroups = await value<SubGroup[]>('subGroups.list');
  return { ...session, files, subGroups };
}

type Opened = Awaited<ReturnType<typeof open>>;

async function preview(app: Opened, name: string, content: string | Uint8Array): Promise<Result<ImportPreview | null>> {
  const file = path.join(app.files, name);
  await writeFile(file, content);
  app.dialogs.answerNextOpen(file);
  return app.call<ImportPreview | null>('contacts.importPreview');
}

async function previewValue(app: Opened, name: string, content: string | Uint8Array): Promise<ImportPreview> {
  const result = await preview(app, name, content);
  if (!result.ok || !result.value) throw new Error(JSON.stringify(result));
  return result.value;
}

/** Through the export dialog's two steps, as every document is exported: where to save, then the write. */
async function exportTo(app: Opened, dialogs: QueuedDialogs, format: 'csv' | 'xlsx'): Promise<string> {
  const file = path.join(app.files, `out.${format}`);
  dialogs.answerNextSave(file);
  const plan = await app.value<ExportPlan>('exports.prepare', { target: { kind: 'contacts' }, format, scripts: 'hant' });
  const done = await app.value<ExportDone>('exports.write', { token: plan.token, replace: false, taskId: randomUUID() });
  expect(done.files).toEqual([path.basename(file)]);
  return file;
}

const goodAndBad = [
  '姓名,職銜,機構,所屬方,電郵,電話,所屬專組及角色,備註',
  '陳大文,首席助理秘書長,創新科技及工業局,香港,tm.chan@itib.gov.hk,+852 2810 2000,JP 召集人; 聯合推廣（成員）,x',
  '王小明,处长,深圳市科技创新局,深圳,wang@sz.gov.cn,0755-8888 8888,,',
  ',無名氏,某機構,香港,,,,',
  '李四,主任,某局,澳門,li@@example,call me,,',
  '張三,經理,香港科技園公司,HK,zhang@hkstp.org,,不存在專組,',
  '"Lee, Ada","Senior ""Lead"" Officer","HKSTP',
  'Incubation",other,ada@hkstp.org,,SP secretary,',
].join('\r\n');

describe('importing contacts', () => {
  it('previews good and bad rows with their row numbers and reasons, then adds only the good ones on accepting', async () => {
    const app = await open();
    const result = await previewValue(app, 'contacts.csv', `\uFEFF${goodAndBad}`);
    expect(result.fileName).toBe('contacts.csv');
    expect(result.ignoredColumns).toEqual(['備註']);
    expect(result.rows.map((r) => [r.rowNumber, r.contact.name, r.errors.map((e) => `${e.field}:${e.messageKey}`)])).toEqual([
      [2, '陳大文', []],
      [3, '王小明', []],
      [4, '', ['name:validation.required']],
      [5, '李四', ['side:validation.contactSide', 'email:validation.email', 'phone:validation.phone']],
      [6, '張三', ['memberships:contacts.import.unknownSubGroup']],
      [7, 'Lee, Ada', []],
    ]);
    const ada = result.rows[5]!.contact;
    expect(ada).toMatchObject({ title: 'Senior "Lead" Officer', organisation: 'HKSTP\r\nIncubation', side: 'other' });
    const [sp, jp, pr] = app.subGroups;
    expect(ada.memberships).toEqual([{ subGroupId: sp!.id, role: 'secretary' }]);
    expect(result.rows[0]!.contact.memberships).toEqual([
      { subGroupId: jp!.id, role: 'convenor' },
      { subGroupId: pr!.id, role: 'member' },
    ]);
    expect(result.importable).toBe(3);
    // Nothing is written before the user accepts.
    expect(await app.value('contacts.list', { includeDeleted: true })).toEqual([]);

    expect(await app.value<ImportResult>('contacts.importCommit', { token: result.token })).toEqual({ created: 3, skipped: 0 });
    expect((await app.value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.name).sort()).toEqual(
      ['Lee, Ada', '王小明', '陳大文'].sort(),
    );
    // A token is good for one commit.
    expect(await app.call('contacts.importCommit', { token: result.token })).toMatchObject({ ok: false, error: { code: 'contacts.importExpired' } });
  });

  it('flags rows that match an existing contact or an earlier row, and re-importing adds nobody twice', async () => {
    const app = await open();
    await app.value('contacts.create', {
      name: '陳大文', title: '', organisation: '創新科技及工業局', side: 'HK', email: '', phone: '', memberships: [],
    });
    const csv = [
      'Name,Title,Organisation,Side,Email,Phone',
      '陳大文,,創新科技及工業局,HK,,',
      'Wong Siu Ming,Officer,ITC,HK,wsm@itc.gov.hk,',
      'W. S. Ming,Officer,Another office,HK,WSM@itc.gov.hk,',
    ].join('\n');
    const first = await previewValue(app, 'people.csv', csv);
    expect(first.duplicates).toEqual([
      { rowNumber: 2, reason: 'nameOrganisation', existingId: expect.any(String), existingName: '陳大文', earlierRow: null },
      { rowNumber: 4, reason: 'email', existingId: null, existingName: 'Wong Siu Ming', earlierRow: 3 },
    ]);
    expect(first.importable).toBe(1);
    expect(await app.value('contacts.importCommit', { token: first.token })).toEqual({ created: 1, skipped: 0 });

    const again = await previewValue(app, 'people.csv', csv);
    expect(again.importable).toBe(0);
    expect(again.duplicates.map((d) => [d.rowNumber, d.reason])).toEqual([
      [2, 'nameOrganisation'],
      [3, 'email'],
      [4, 'email'],
    ]);
    expect(await app.value('contacts.importCommit', { token: again.token })).toEqual({ created: 0, skipped: 0 });
    expect(await app.value<Contact[]>('contacts.list', { includeDeleted: false })).toHaveLength(2);
  });

  it('skips at commit a row that became a duplicate after the preview', async () => {
    const app = await open();
    const result = await previewValue(app, 'a.csv', 'Name,Side,Email\nAda,HK,ada@example.org\nBen,SZ,ben@example.org');
    await app.value('contacts.create', { name: 'Ada L', title: '', organisation: '', side: 'HK', email: 'ada@example.org', phone: '', memberships: [] });
    expect(await app.value('contacts.importCommit', { token: result.token })).toEqual({ created: 1, skipped: 1 });
  });

  it('reads Simplified headers, semicolon-separated and GB18030-encoded files', async () => {
    const app = await open('zh-CN');
    const simplified = await previewValue(app, 's.csv', '姓名;职衔;机构;所属方;电子邮箱;电话\n王小明;处长;深圳市科技创新局;深方;wang@sz.gov.cn;0755-8888 8888\n');
    expect(simplified.rows[0]).toMatchObject({ rowNumber: 2, errors: [], contact: { title: '处长', side: 'SZ' } });
    // 姓名,所属方\n王小明,深圳 in GB18030, as Excel on Mainland Windows saves CSV.
    const bytes = Uint8Array.from([
      0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xcb, 0xf9, 0xca, 0xf4, 0xb7, 0xbd, 0x0a, 0xcd, 0xf5, 0xd0, 0xa1, 0xc3, 0xf7, 0x2c, 0xc9, 0xee, 0xdb, 0xda, 0x0a,
    ]);
    const legacy = await previewValue(app, 'gbk.csv', bytes);
    expect(legacy.rows[0]).toMatchObject({ errors: [], contact: { name: '王小明', side: 'SZ' } });
  });

  it('reads an Excel workbook, header rows below a title, hyperlinked emails and numeric phones included', async () => {
    const app = await open();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名單');
    sheet.addRow(['聯合政策專組名單']);
    sheet.addRow(['Name', 'Organisation', 'Side', 'E-mail', 'Tel']);
    sheet.addRow(['Ada Lee', 'HKSTP', 'Hong Kong', { text: 'ada@hkstp.org', hyperlink: 'mailto:ada@hkstp.org' }, 21234567]);
    sheet.addRow([]);
    sheet.addRow(['', 'HKSTP', 'Hong Kong', 'x@hkstp.org', '']);
    const result = await previewValue(app, 'list.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(result.rows.map((r) => [r.rowNumber, r.contact.email, r.contact.phone, r.errors.length])).toEqual([
      [3, 'ada@hkstp.org', '21234567', 0],
      [5, 'x@hkstp.org', '', 1],
    ]);
  });

  it('refuses oversized, foreign, old-Excel, headerless and empty files with typed errors', async () => {
    const app = await open();
    const big = `Name,Side\n${'x'.repeat(10 * 1024 * 1024)}`;
    expect(await preview(app, 'big.csv', big)).toEqual({
      ok: false,
      error: { code: 'contacts.fileTooLarge', params: { fileName: 'big.csv', limitMb: 10 } },
    });
    const pdf = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01, 0x02, 0xff]);
    expect(await preview(app, 'minutes.pdf', pdf)).toEqual({ ok: false, error: { code: 'contacts.unreadableFile', params: { fileName: 'minutes.pdf' } } });
    const brokenZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await preview(app, 'broken.xlsx', brokenZip)).toMatchObject({ ok: false, error: { code: 'contacts.unreadableFile' } });
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await preview(app, 'old.xls', xls)).toMatchObject({ ok: false, error: { code: 'contacts.oldExcelFormat' } });
    expect(await preview(app, 'notes.csv', 'Meeting,Date\nFirst,2026-01-01\n')).toMatchObject({
      ok: false,
      error: { code: 'contacts.noNameColumn', params: { fileName: 'notes.csv' } },
    });
    expect(await preview(app, 'empty.csv', '\uFEFF\r\n\r\n')).toMatchObject({ ok: false, error: { code: 'contacts.emptyFile' } });
    // Cancelling the dialog changes nothing.
    expect(await app.call('contacts.importPreview')).toEqual({ ok: true, value: null });
  });
});

describe('exporting contacts', () => {
  const tricky = {
    name: '=HYPERLINK("http://evil.example","點我")',
    title: '主任, "高級"',
    organisation: '香港科技園公司\n創新中心',
    side: 'HK',
    email: 'ada@hkstp.org',
    phone: '+852 2123 4567',
    memberships: [],
  };

  it('writes CSV in UTF-8 with a BOM, quoting commas, quotes and line breaks, and neutralising formulas', async () => {
    const app = await open();
    const [, jp] = app.subGroups;
    await app.value('contacts.create', tricky);
    await app.value('contacts.create', { ...tricky, name: '@SUM(A1)', organisation: '', email: '', phone: '-1', memberships: [{ subGroupId: jp!.id, role: 'convenor' }] });
    const file = await exportTo(app, app.dialogs, 'csv');
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\'=HYPERLINK(""http://evil.example"",""點我"")');
    const rows = parseCsv(text).map((r) => r.cells);
    expect(rows[0]).toEqual(['姓名', '職銜', '機構', '所屬方', '電郵', '電話', '所屬專組及角色']);
    const cells = rows.slice(1).flat();
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(rows).toContainEqual(["'@SUM(A1)", '主任, "高級"', '', '香港', '', "'-1", 'JP 召集人']);
    // No temporary file is left beside it.
    expect(await readdir(app.files)).toEqual(['out.csv']);
  });

  it('writes an XLSX that exceljs reads back, formulas neutralised, and that imports back as the same contacts, from an English interface too', async () => {
    const app = await open('en-GB');
    const [sp] = app.subGroups;
    await app.value('contacts.create', { ...tricky, memberships: [{ subGroupId: sp!.id, role: 'secretary' }] });
    const file = await exportTo(app, app.dialogs, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    // A document is in a script: the Traditional edition is headed in Traditional whatever the interface language.
    expect(sheet.name).toBe('通訊錄');
    expect(sheet.getRow(1).values).toEqual([undefined, '姓名', '職銜', '機構', '所屬方', '電郵', '電話', '所屬專組及角色']);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(`'${tricky.name}`);
    expect(row.getCell(1).formula).toBeUndefined();
    expect(row.getCell(6).value).toBe("'+852 2123 4567");
    expect(row.getCell(7).value).toBe('SP 秘書');

    // Re-import: every row is recognised as already there, and the neutralising quote is undone.
    app.dialogs.answerNextOpen(file);
    const back = await app.value<ImportPreview>('contacts.importPreview');
    expect(back.rows[0]!.contact).toMatchObject({ name: tricky.name, phone: tricky.phone, organisation: tricky.organisation });
    expect(back.rows[0]!.contact.memberships).toEqual([{ subGroupId: sp!.id, role: 'secretary' }]);
    expect(back.duplicates).toHaveLength(1);
    expect(back.importable).toBe(0);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const app = await open();
    expect(await app.call('exports.prepare', { target: { kind: 'contacts' }, format: 'csv', scripts: 'hant' })).toEqual({ ok: true, value: null });
    expect(app.dialogs.saved[0]).toMatch(/\.csv$/);
    expect(await readdir(app.files)).toEqual([]);
  });
});

describe('the CSV reader and writer', () => {
  it('round-trip quotes, commas, line breaks and blank cells', () => {
    const rows = [
      ['a', 'b,c', 'd"e'],
      ['', 'line\nbreak', ' padded '],
    ];
    expect(parseCsv(writeCsv(rows)).map((r) => r.cells)).toEqual(rows);
  });

  it('numbers records as Excel numbers rows, counting a quoted line break as part of its row', () => {
    expect(parseCsv('h\n"a\nb"\nc').map((r) => [r.row, r.cells[0]])).toEqual([
      [1, 'h'],
      [2, 'a\nb'],
      [3, 'c'],
    ]);
  });
});
