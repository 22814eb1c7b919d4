import { mkdtemp, readdir, readFile, writeFile, chmod } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../electron/documents/output/fileNames';
import { OutputWriter } from '../../../electron/documents/output/outputWriter';
import type { StoreFs } from '../../../electron/store/storeFs';

const folder = () => mkdtemp(path.join(tmpdir(), 'hetao-output-'));

describe('file names valid on every system', () => {
  it('replaces forbidden characters, reserved device names and trailing dots whatever a sub-group is called', () => {
    expect(safeFileName('聯合政策專組_跟進事項_2026-11-24（繁體版）', 'docx')).toBe('聯合政策專組_跟進事項_2026-11-24（繁體版）.docx');
    expect(safeFileName('A/B: "計劃" <試行>|?*\\', 'xlsx')).toBe('A／B： ＂計劃＂ ＜試行＞｜？＊＼.xlsx');
    expect(safeFileName('CON', 'pdf')).toBe('_CON.pdf');
    expect(safeFileName('lpt1.report', 'pdf')).toBe('_lpt1.report.pdf');
    expect(safeFileName('會議紀要...  ', 'docx')).toBe('會議紀要.docx');
    expect(safeFileName('\u0000\u0007', 'docx')).toBe('_.docx');
    expect(safeFileName('tab\there', 'docx')).toBe('tab here.docx');
  });

  it('keeps long CJK names within the byte limit without splitting a character', () => {
    const name = safeFileName('港'.repeat(300), 'xlsx');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name).toMatch(/^港+\.xlsx$/);
  });
});

describe('writing export files', () => {
  it('writes whole files and leaves no temporary file behind', async () => {
    const dir = await folder();
    const writer = new OutputWriter(fsp);
    await writer.write([{ path: path.join(dir, 'a.docx'), bytes: new Uint8Array([1, 2, 3]) }, { path: path.join(dir, 'b.docx'), bytes: new Uint8Array([4]) }], { replace: false });
    expect((await readdir(dir)).sort()).toEqual(['a.docx', 'b.docx']);
    expect([...(await readFile(path.join(dir, 'a.docx')))]).toEqual([1, 2, 3]);
  });

  it('replaces an existing file only when the user agreed', async () => {
    const dir = await folder();
    const target = path.join(dir, '跟進事項.xlsx');
    await writeFile(target, 'old');
    const writer = new OutputWriter(fsp);
    expect(await writer.existing([target, path.join(dir, 'new.xlsx')])).toEqual([target]);
    await expect(writer.write([{ path: target, bytes: new Uint8Array([9]) }], { replace: false })).rejects.toMatchObject({ code: 'export.fileExists' });
    expect(await readFile(target, 'utf8')).toBe('old');
    await writer.write([{ path: target, bytes: new Uint8Array([9]) }], { replace: true });
    expect([...(await readFile(target))]).toEqual([9]);
  });

  it('a read-only folder gives a clear error and leaves nothing behind', async () => {
    if (process.getuid?.() === 0) {
      // root ignores permissions: simulate the refusal the operating system gives everyone else.
      const refusing: StoreFs = { ...fsp, open: async () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) };
      const dir = await folder();
      await expect(new OutputWriter(refusing).write([{ path: path.join(dir, 'x.pdf'), bytes: new Uint8Array([1]) }], { replace: false })).rejects.toMatchObject({
        code: 'export.readOnly',
        params: { folder: dir },
      });
      expect(await readdir(dir)).toEqual([]);
      return;
    }
    const dir = await folder();
    await chmod(dir, 0o555);
    await expect(new OutputWriter(fsp).write([{ path: path.join(dir, 'x.pdf'), bytes: new Uint8Array([1]) }], { replace: false })).rejects.toMatchObject({ code: 'export.readOnly' });
    await chmod(dir, 0o755);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a full disk midway through a pair leaves neither file half-written, and the old file untouched', async () => {
    const dir = await folder();
    const first = path.join(dir, '甲（繁體版）.docx');
    const second = path.join(dir, '甲（简体版）.docx');
    await writeFile(second, 'old');
    let opened = 0;
    const fullDisk: StoreFs = {
      ...fsp,
      open: (async (file: string, flags: string) => {
        const handle = await fsp.open(file, flags);
        if (++opened === 2) {
          return { ...handle, writeFile: async () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })), sync: () => handle.sync(), close: () => handle.close() };
        }
        return handle;
      }) as StoreFs['open'],
    };
    await expect(
      new OutputWriter(fullDisk).write([{ path: first, bytes: new Uint8Array([1]) }, { path: second, bytes: new Uint8Array([2]) }], { replace: true }),
    ).rejects.toMatchObject({ code: 'export.diskFull', params: { file: '甲（简体版）.docx' } });
    expect((await readdir(dir)).sort()).toEqual(['甲（简体版）.docx']);
    expect(await readFile(second, 'utf8')).toBe('old');
  });

  it('a file held open by another program (Windows refuses the rename) is reported as locked', async () => {
    const dir = await folder();
    const target = path.join(dir, 'report.docx');
    await writeFile(target, 'old');
    const locked: StoreFs = { ...fsp, rename: async () => Promise.reject(Object.assign(new Error('EBUSY'), { code: 'EBUSY' })) };
    await expect(new OutputWriter(locked).write([{ path: target, bytes: new Uint8Array([1]) }], { replace: true })).rejects.toMatchObject({
      code: 'export.fileLocked',
      params: { file: 'report.docx' },
    });
    expect(await readdir(dir)).toEqual(['report.docx']);
    expect(await readFile(target, 'utf8')).toBe('old');
  });

  it('a path too long for the system is reported as such', async () => {
    const dir = await folder();
    const deep = path.join(dir, 'x'.repeat(300) + '.docx');
    await expect(new OutputWriter(fsp).write([{ path: deep, bytes: new Uint8Array([1]) }], { replace: false })).rejects.toMatchObject({ code: 'export.pathTooLong' });
  });
});
